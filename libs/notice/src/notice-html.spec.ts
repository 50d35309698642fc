import { noticeSections } from './notice-html';
import { bulkNoticeFixture, correctionFixture, noticeFixture } from './testing/notice-fixtures';

describe('noticeSections (the web view’s JSON)', () => {
  it('carries the head, the body sections, the attachments and the tables of a notice', () => {
    const s = noticeSections(noticeFixture());
    expect(s).toMatchObject({
      kind: 'notice',
      quarter: '2023-Q2',
      revision: 1,
      office: '中共示例区委组织部办公室',
      docNumber: '示组办〔2023〕12号',
      title: '关于2023年第二季度全区组织工作信息宣传情况的通报',
      recipients: '各街道（镇）党（工）委，区直各部门党委（党组）：',
      issuer: '中共示例区委组织部办公室',
      issuedDate: '2023年7月10日',
      copyTo: '区委办公室',
      attachments: [
        { label: '附件1', title: '2023年第二季度信息宣传工作得分排名表' },
        { label: '附件2', title: '2023年第二季度信息宣传录用情况一览表' },
        { label: '附件3', title: '2023年第二季度未核定记录明细表' },
      ],
      excluded: { label: '附件3', title: '2023年第二季度未核定记录明细表', rows: [['1', '青石镇党委', '稿件', '青石镇开展“清廉村居”建设']] },
    });
    expect(s.sections.map((x) => x.heading)).toEqual([null, '一、总体情况', '二、上级采用及领导批示情况', '三、约稿完成情况', '四、排名情况', '五、存在问题和下一步要求', null]);
    expect(s.ranking.tables.map((t) => [t.name, t.rows.map((r) => `${r.rank}${r.unitName}${r.score}`)])).toEqual([
      ['镇街组', ['1临江街道72.50', '2枫林街道48.00', '2青石镇48.00', '4白沙镇31.25', '5禾西镇0.00']],
      ['部门组', ['1区人社局党委61.50', '2区教育局党委20.00', '3区文旅局党委0.00']],
      ['总排名', ['1临江街道72.50', '2区人社局党委61.50', '3枫林街道48.00', '3青石镇48.00', '5白沙镇31.25', '6区教育局党委20.00', '7禾西镇0.00', '7区文旅局党委0.00']],
    ]);
    expect(s.adoptions!.groups.map((g) => [g.caption, g.rows.length])).toEqual([
      ['中央级（1篇次）', 1],
      ['省级（3篇次）', 3],
      ['市级（3篇次）', 3],
      ['区级（5篇次）', 5],
    ]);
    // plain data: it survives a JSON round trip unchanged
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('for a correction: one attachment called 附件, no adoption list', () => {
    const s = noticeSections(correctionFixture());
    expect(s.title).toBe('关于2023年第二季度全区组织工作信息宣传情况通报的更正');
    expect(s.attachments).toEqual([{ label: '附件', title: '2023年第二季度信息宣传工作得分排名表（更正后）' }]);
    expect(s.adoptions).toBeNull();
  });

  it('falls back to the office as signer and leaves the date empty when none was given', () => {
    const s = noticeSections({ ...noticeFixture(), texts: { issuer: '  ' } });
    expect([s.issuer, s.issuedDate, s.docNumber, s.copyTo]).toEqual(['中共示例区委组织部办公室', null, null, null]);
  });

  it('lists a small quarter in full with no sentence under the table', () => {
    expect(noticeSections(noticeFixture()).adoptions!.omitted).toBeNull();
  });

  it('above the limit: the listed levels, and the sentence the DOCX prints under the table', () => {
    const s = noticeSections(bulkNoticeFixture().data);
    expect(s.adoptions!.groups.map((g) => g.caption)).toEqual(['中央级（40篇次）', '省级（120篇次）']);
    expect(s.adoptions!.omitted).toBe('另有市级录用400篇次、区级录用1,200篇次，明细见电子表格版附件2（录用情况一览表）。');
  });

  it('reads a document stored before the list was bounded (no adoptionsOmitted, no totals)', () => {
    const { adoptionsOmitted: _omitted, highlightsTotal: _h, instructionsTotal: _i, ...old } = noticeFixture();
    const s = noticeSections(JSON.parse(JSON.stringify(old)));
    expect(s.adoptions!.groups.map((g) => g.rows.length)).toEqual([1, 3, 3, 5]);
    expect(s.adoptions!.omitted).toBeNull();
    expect(s.sections.find((x) => x.key === 'upper')!.parts[0].paragraphs[0]).toMatch(/^本季度，省级以上媒体和刊物录用稿件4篇次：/);
  });
});
