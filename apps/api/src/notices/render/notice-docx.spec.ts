import { ADOPTION_COLUMNS, RANKING_COLUMNS, adoptionCells, adoptionGroups, noticeNarrative, rankingCells, rankingTables, type NoticeData } from '@app/notice';
import { renderNoticeDocx, writeNoticeDocx } from './notice-docx';
import { slowFile } from './testing/slow-file';
import { readDocx, styleXml, type DocxBlock, type DocxContent, type DocxParagraph, type DocxTable } from './testing/docx-reader';
import { bulkNoticeFixture, correctionFixture, largeNoticeFixture, noticeFixture } from '@app/notice/testing/notice-fixtures';

const HEADER = ['排名', '单位', '报送数', '中央级', '省级', '市级', '区级', '批示', '约稿完成', '月报', '得分', '同比'];
const ADOPTION_HEADER = ['单位', '稿件标题', '媒体/刊物', '刊发日期', '版面', '备注'];

// Rows worked out by hand from the fixture: ties share a rank and are listed by unit code.
const TOWN = [
  ['1', '临江街道', '12', '1', '1', '2', '1', '1', '1/1', '按时', '72.50', '+21.3%'],
  ['2', '枫林街道', '8', '0', '0', '1', '1', '0', '1/1', '按时', '48.00', '—'],
  ['2', '青石镇', '9', '0', '1', '1', '1', '0', '0/1', '迟报1', '48.00', '-4.0%'],
  ['4', '白沙镇', '5', '0', '0', '0', '1', '0', '—', '按时', '31.25', '0.0%'],
  ['5', '禾西镇', '3', '0', '0', '0', '0', '0', '—', '未报1', '0.00', '-100.0%'],
];
const DEPT = [
  ['1', '区人社局党委', '7', '0', '1', '0', '0', '1', '1/1', '按时', '61.50', '+53.8%'],
  ['2', '区教育局党委', '4', '0', '0', '0', '1', '0', '0/1', '按时', '20.00', '-20.0%'],
  ['3', '区文旅局党委', '2', '0', '0', '0', '0', '0', '—', '按时', '0.00', '—'],
];
const OVERALL = [
  ['1', '临江街道', '12', '1', '1', '2', '1', '1', '1/1', '按时', '72.50', '+21.3%'],
  ['2', '区人社局党委', '7', '0', '1', '0', '0', '1', '1/1', '按时', '61.50', '+53.8%'],
  ['3', '枫林街道', '8', '0', '0', '1', '1', '0', '1/1', '按时', '48.00', '—'],
  ['3', '青石镇', '9', '0', '1', '1', '1', '0', '0/1', '迟报1', '48.00', '-4.0%'],
  ['5', '白沙镇', '5', '0', '0', '0', '1', '0', '—', '按时', '31.25', '0.0%'],
  ['6', '区教育局党委', '4', '0', '0', '0', '1', '0', '0/1', '按时', '20.00', '-20.0%'],
  ['7', '禾西镇', '3', '0', '0', '0', '0', '0', '—', '未报1', '0.00', '-100.0%'],
  ['7', '区文旅局党委', '2', '0', '0', '0', '0', '0', '—', '按时', '0.00', '—'],
];
// By level, then outlet (《…》 bulletins sort before plain names), then date; dates of the notice's year without the year.
const ADOPTIONS = [
  ['中央级（1篇次）'],
  ['临江街道', '临江街道：小网格撬动基层大治理', '人民日报', '5月8日', '第11版', ''],
  ['省级（3篇次）'],
  ['青石镇', '青石镇党员“先锋指数”管理见实效', '《示例组工》', '6月12日', '', '▲'],
  ['临江街道', '临江街道“夜间议事厅”议出民生实事', '示例日报', '4月20日', '第3版', ''],
  ['区人社局党委', '“三个一”机制激活人才引育新动能', '示例日报', '5月16日', '第1版', '★◆'],
  ['市级（3篇次）'],
  ['临江街道', '临江街道“红色网格”打通服务群众最后一米', '《示例市组工信息》', '5月25日', '第15期', '★'],
  ['临江街道、青石镇', '两地联建“共富工坊”带动村民增收', '示例市日报', '4月11日', '第2版', ''],
  ['枫林街道', '枫林街道推行“说事评事”议事规则', '示例市日报', '6月20日', '第4版', '▲'],
  ['区级（5篇次）'],
  ['枫林街道', '枫林街道“红管家”服务小区治理', '《示例区组工信息》', '4月28日', '第8期', '▲'],
  ['白沙镇', '白沙镇举办基层干部培训班', '《示例区组工信息》', '6月15日', '第12期', ''],
  ['临江街道', '临江街道开展“党员进网格”活动', '示例区融媒体中心', '4月3日', '', ''],
  ['青石镇', '青石镇召开农村党建工作推进会', '示例区融媒体中心', '5月9日', '', ''],
  ['区教育局党委', '区教育局开展“师德师风”主题党日', '示例区融媒体中心', '6月28日', '', '◆'],
];

/** Blocks as comparable values: [style, text] for paragraphs, rows for tables. */
const shape = (blocks: DocxBlock[]) => blocks.map((b) => (b.kind === 'p' ? [b.style, b.text] : b.rows));
const paragraphsOf = (c: DocxContent) => c.blocks.filter((b): b is DocxParagraph => b.kind === 'p');
const attr = (xml: string, element: string, name: string) => new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];

describe('renderNoticeDocx', () => {
  let doc: DocxContent;
  beforeAll(async () => {
    doc = await readDocx(await renderNoticeDocx(noticeFixture()));
  });

  it('reads like a notice from 版头 to 署名, with the narrative in order and styled by level', () => {
    const narrative = noticeNarrative(noticeFixture());
    const body: [string, string][] = [];
    for (const s of narrative.sections) {
      if (s.heading) body.push(['NoticeHeading1', s.heading]);
      for (const part of s.parts) {
        if (part.subheading) body.push(['NoticeHeading2', part.subheading]);
        for (const p of part.paragraphs) body.push(['NoticeBody', p]);
      }
    }
    const front = shape(doc.blocks.slice(0, 4 + body.length + 6));
    expect(front).toEqual([
      [null, '中共示例区委组织部办公室'],
      ['NoticePlain', '示组办〔2023〕12号'],
      ['NoticeTitle', '关于2023年第二季度全区组织工作\n信息宣传情况的通报'],
      ['NoticePlain', '各街道（镇）党（工）委，区直各部门党委（党组）：'],
      ...body,
      ['NoticePlain', '附件：1．2023年第二季度信息宣传工作得分排名表'],
      ['NoticePlain', '2．2023年第二季度信息宣传录用情况一览表'],
      ['NoticePlain', '3．2023年第二季度未核定记录明细表'],
      ['NoticePlain', '（印章）'],
      ['NoticePlain', '中共示例区委组织部办公室'],
      ['NoticePlain', '2023年7月10日'],
    ]);
    // the headings the reader expects, in order
    expect(body.filter(([style]) => style === 'NoticeHeading1').map(([, t]) => t)).toEqual([
      '一、总体情况',
      '二、上级采用及领导批示情况',
      '三、约稿完成情况',
      '四、排名情况',
      '五、存在问题和下一步要求',
    ]);
    expect(body[body.length - 1]).toEqual(['NoticeBody', '特此通报。']);
  });

  it('carries 附件1 (a table per group, then overall), 附件2 with its legend, 附件3 (the excluded entries with their units), then 版记 — every cell', () => {
    const start = doc.blocks.findIndex((b) => b.kind === 'p' && b.text === '附件1');
    expect(shape(doc.blocks.slice(start))).toEqual([
      ['NoticeAttachmentLabel', '附件1'],
      ['NoticeTitle', '2023年第二季度信息宣传工作得分排名表'],
      ['NoticeTableCaption', '（一）镇街组'],
      [HEADER, ...TOWN],
      ['NoticeTableCaption', '（二）部门组'],
      [HEADER, ...DEPT],
      ['NoticeTableCaption', '（三）总排名'],
      [HEADER, ...OVERALL],
      ['NoticeAttachmentLabel', '附件2'],
      ['NoticeTitle', '2023年第二季度信息宣传录用情况一览表'],
      [ADOPTION_HEADER, ...ADOPTIONS],
      ['NoticeNote', '注：★ 领导批示；▲ 约稿；◆ 头版头条。'],
      ['NoticeAttachmentLabel', '附件3'],
      ['NoticeTitle', '2023年第二季度未核定记录明细表'],
      [['序号', '单位', '类别', '标题'], ['1', '青石镇党委', '稿件', '青石镇开展“清廉村居”建设']],
      [['抄送：区委办公室。'], ['中共示例区委组织部办公室\t2023年7月10日印发']],
      ['NoticeNote', ''],
    ]);
    // each attachment starts a page; table headers repeat on every page
    expect(paragraphsOf(doc).filter((p) => p.xml.includes('<w:pageBreakBefore/>')).map((p) => p.text)).toEqual(['附件1', '附件2', '附件3']);
    expect((doc.files['word/document.xml'].match(/<w:tblHeader\/>/g) ?? []).length).toBe(5);
  });

  it('uses A4 and the GB/T 9704 margins, odd/even page numbers 「— n —」 on the outer side', () => {
    const xml = doc.files['word/document.xml'];
    const sect = /<w:sectPr>.*<\/w:sectPr>/s.exec(xml)![0];
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    // 37 mm, 35 mm, 28 mm, 26 mm at 1440/25.4 twips per mm
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sect, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('1474');
    expect(sect).toMatch(/<w:footerReference w:type="default"/);
    expect(sect).toMatch(/<w:footerReference w:type="even"/);
    expect(doc.files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');

    const footers = Object.keys(doc.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => doc.files[f]);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('>— </w:t>');
      expect(f).toContain('> —</w:t>');
    }
    const sides = footers.map((f) => `${attr(f, 'w:jc', 'w:val')}:${attr(f, 'w:ind', 'w:left') ?? attr(f, 'w:ind', 'w:right')}`).sort();
    expect(sides).toEqual(['left:280', 'right:280']);
    expect(styleXml(doc.files['word/styles.xml'], 'NoticePageNumber')).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
  });

  it('sets 小标宋 二号 title, 仿宋 三号 body on a fixed 28.95 pt line with a two-character indent, 黑体 and 楷体 headings', () => {
    const styles = doc.files['word/styles.xml'];
    const title = styleXml(styles, 'NoticeTitle');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');

    const plain = styleXml(styles, 'NoticePlain');
    expect(plain).toContain('w:eastAsia="仿宋_GB2312"');
    expect(plain).toContain('<w:sz w:val="32"/>');
    expect(plain).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    // 28 characters on a 156 mm line
    expect(plain).toContain('<w:spacing w:val="-5"/>');

    const body = styleXml(styles, 'NoticeBody');
    expect(body).toContain('<w:basedOn w:val="NoticePlain"/>');
    expect(body).toContain('w:firstLine="640"');
    expect(styleXml(styles, 'NoticeHeading1')).toContain('w:eastAsia="黑体"');
    expect(styleXml(styles, 'NoticeHeading2')).toContain('w:eastAsia="楷体_GB2312"');
    expect(styleXml(styles, 'NoticeTableTextSmall')).toContain('<w:sz w:val="18"/>');
    expect(styleXml(styles, 'NoticeTableText')).toContain('<w:sz w:val="21"/>');
  });

  it('prints the 版头 in red with a red rule under the 发文字号', () => {
    const [office, number] = paragraphsOf(doc);
    expect(office.xml).toContain('<w:color w:val="FF0000"/>');
    expect(office.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(office.xml).toContain('<w:sz w:val="72"/>'); // 36 pt: twelve characters still fit the 156 mm line
    expect(office.xml).toContain('<w:jc w:val="center"/>');
    expect(number.xml).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    expect(number.xml).toContain('<w:jc w:val="center"/>');
  });

  it('sets 成文日期 右空四字, 署名 centred over it and the red 印章 placeholder centred over both', () => {
    const ps = paragraphsOf(doc);
    const seal = ps.find((p) => p.text === '（印章）')!;
    const signer = ps.find((p) => p.text === '中共示例区委组织部办公室' && p.style === 'NoticePlain')!;
    const date = ps.find((p) => p.text === '2023年7月10日')!;
    // the date is 6.5 characters wide (digits are half-width), so its centre is 4 + 3.25 = 7.25 in;
    // the signature (12) would then need 1.25 characters, less than 右空二字: the centre moves to
    // 2 + 6 = 8 characters in. Signature 640 (2 × 320), date (8 − 3.25) × 320 = 1520, seal (8 − 2) × 320 = 1920.
    for (const p of [seal, signer, date]) expect(p.xml).toContain('<w:jc w:val="right"/>');
    expect(attr(signer.xml, 'w:ind', 'w:right')).toBe('640');
    expect(attr(date.xml, 'w:ind', 'w:right')).toBe('1520');
    expect(attr(seal.xml, 'w:ind', 'w:right')).toBe('1920');
    expect(seal.xml).toContain('<w:color w:val="FF0000"/>');
  });

  it('centres a short signature over the date 右空四字', async () => {
    const data = noticeFixture();
    data.office = { ...data.office, name: '示例办' };
    const ps = paragraphsOf(await readDocx(await renderNoticeDocx(data)));
    // date 6.5 wide, centre 4 + 3.25 = 7.25 characters in: date 4 × 320 = 1280, signature (7.25 − 1.5) × 320 = 1840,
    // seal (7.25 − 2) × 320 = 1680
    expect(attr(ps.find((p) => p.text === '2023年7月10日')!.xml, 'w:ind', 'w:right')).toBe('1280');
    expect(attr(ps.find((p) => p.text === '示例办' && p.style === 'NoticePlain')!.xml, 'w:ind', 'w:right')).toBe('1840');
    expect(attr(ps.find((p) => p.text === '（印章）')!.xml, 'w:ind', 'w:right')).toBe('1680');
  });

  it('gives every table its width twice, in tblW and in gridCol, for WPS', () => {
    const xml = doc.files['word/document.xml'];
    const tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
    // 6 tables: 3 ranking tables, the adoption list, the excluded entries, the 版记
    expect(tables).toHaveLength(6);
    for (const t of tables) {
      expect(t).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
      const grid = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
      expect(t).not.toMatch(/<w:tcW w:type="(auto|pct)"/);
    }
  });

  it('lays the tables out on a fixed grid: column widths, cell widths and styles, spanning level rows', () => {
    const xml = doc.files['word/document.xml'];
    const tables = xml.split('<w:tbl>').slice(1).map((t) => t.slice(0, t.indexOf('</w:tbl>')));
    const ranking = tables[0];
    expect(ranking).toContain('<w:tblW w:type="dxa" w:w="8845"/>');
    expect(ranking).toContain('<w:tblLayout w:type="fixed"/>');
    expect([...ranking.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([460, 1900, 620, 620, 460, 460, 460, 460, 800, 900, 680, 1025]);
    // a data row: no repeated header mark, each cell as wide as its column, 小五 text centred vertically
    const row = ranking.split('<w:tr>')[2];
    expect(row.startsWith('<w:trPr><w:cantSplit/></w:trPr>')).toBe(true);
    expect(row).toContain('<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="1900"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="NoticeTableTextSmall"/></w:pPr><w:r><w:t xml:space="preserve">临江街道</w:t></w:r></w:p></w:tc>');
    const adoption = tables[3];
    expect(adoption).toContain('<w:tcPr><w:tcW w:type="dxa" w:w="8845"/><w:gridSpan w:val="6"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="NoticeTableHead"/><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">中央级（1篇次）</w:t>');
    // titles are set left, the other columns centred by their style
    expect(adoption).toContain('<w:pPr><w:pStyle w:val="NoticeTableText"/><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">临江街道：小网格撬动基层大治理</w:t>');
    expect(adoption).toContain('<w:pPr><w:pStyle w:val="NoticeTableText"/></w:pPr><w:r><w:t xml:space="preserve">人民日报</w:t>');
  });

  it('escapes text in table cells', async () => {
    const data = noticeFixture();
    data.adoptions = [{ ...data.adoptions[3], title: 'A & B <C> "D"' }];
    const xml = (await readDocx(await renderNoticeDocx(data))).files['word/document.xml'];
    expect(xml).toContain('<w:t xml:space="preserve">A &amp; B &lt;C&gt; &quot;D&quot;</w:t>');
  });

  it('keeps the 版记 rules: thick outside, thin between, floating at the foot of the last page', () => {
    const xml = doc.files['word/document.xml'];
    const record = xml.slice(xml.lastIndexOf('<w:tbl>'));
    // anchored to the page at the left margin (1587), bottom-aligned to the margin, text kept clear
    expect(record).toContain('<w:tblpPr w:tblpX="1587" w:horzAnchor="page" w:tblpYSpec="bottom" w:vertAnchor="margin"/><w:tblOverlap w:val="never"/>');
    // its anchor: an empty paragraph, the last of the document
    expect(record.slice(record.indexOf('</w:tbl>') + '</w:tbl>'.length)).toMatch(/^<w:p><w:pPr><w:pStyle w:val="NoticeNote"\/><\/w:pPr><\/w:p><w:sectPr>/);
    expect(record).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(record).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(record).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"\/>/);
  });
});

describe('renderNoticeDocx for a correction', () => {
  it('states the change and carries the corrected ranking as its only attachment', async () => {
    const doc = await readDocx(await renderNoticeDocx(correctionFixture()));
    expect(shape(doc.blocks)).toEqual([
      [null, '中共示例区委组织部办公室'],
      ['NoticePlain', '示组办〔2023〕15号'],
      ['NoticeTitle', '关于2023年第二季度全区组织工作\n信息宣传情况通报的更正'],
      ['NoticePlain', '各街道（镇）党（工）委，区直各部门党委（党组）：'],
      ['NoticeBody', '2023年7月10日印发的《关于2023年第二季度全区组织工作信息宣传情况的通报》（示组办〔2023〕12号）中，部分单位得分和排名有误，现更正如下：'],
      ['NoticeBody', '青石镇：得分由48.00分更正为50.50分，镇街组排名第2名不变（更正原因：补录6月《示例市日报》录用稿件1篇）。'],
      ['NoticeBody', '枫林街道：得分48.00分不变，镇街组排名由第2名更正为第3名。'],
      ['NoticeBody', '更正后的得分排名表见附件，原通报附件1同时废止，以本次更正后的排名为准。'],
      ['NoticeBody', '特此更正。'],
      ['NoticePlain', '附件：2023年第二季度信息宣传工作得分排名表（更正后）'],
      ['NoticePlain', '（印章）'],
      ['NoticePlain', '中共示例区委组织部办公室'],
      ['NoticePlain', '2023年7月20日'],
      ['NoticeAttachmentLabel', '附件'],
      ['NoticeTitle', '2023年第二季度信息宣传工作得分排名表（更正后）'],
      ['NoticeTableCaption', '（一）镇街组'],
      [
        HEADER,
        ['1', '临江街道', '12', '1', '1', '2', '1', '1', '1/1', '按时', '72.50', '+21.3%'],
        ['2', '青石镇', '9', '0', '1', '2', '1', '0', '0/1', '迟报1', '50.50', '+1.0%'],
        ['3', '枫林街道', '8', '0', '0', '1', '1', '0', '1/1', '按时', '48.00', '—'],
        ['4', '白沙镇', '5', '0', '0', '0', '1', '0', '—', '按时', '31.25', '0.0%'],
        ['5', '禾西镇', '3', '0', '0', '0', '0', '0', '—', '未报1', '0.00', '-100.0%'],
      ],
      ['NoticeTableCaption', '（二）部门组'],
      [HEADER, ...DEPT],
      ['NoticeTableCaption', '（三）总排名'],
      [
        HEADER,
        ['1', '临江街道', '12', '1', '1', '2', '1', '1', '1/1', '按时', '72.50', '+21.3%'],
        ['2', '区人社局党委', '7', '0', '1', '0', '0', '1', '1/1', '按时', '61.50', '+53.8%'],
        ['3', '青石镇', '9', '0', '1', '2', '1', '0', '0/1', '迟报1', '50.50', '+1.0%'],
        ['4', '枫林街道', '8', '0', '0', '1', '1', '0', '1/1', '按时', '48.00', '—'],
        ['5', '白沙镇', '5', '0', '0', '0', '1', '0', '—', '按时', '31.25', '0.0%'],
        ['6', '区教育局党委', '4', '0', '0', '0', '1', '0', '0/1', '按时', '20.00', '-20.0%'],
        ['7', '禾西镇', '3', '0', '0', '0', '0', '0', '—', '未报1', '0.00', '-100.0%'],
        ['7', '区文旅局党委', '2', '0', '0', '0', '0', '0', '—', '按时', '0.00', '—'],
      ],
      [['抄送：区委办公室。'], ['中共示例区委组织部办公室\t2023年7月20日印发']],
      ['NoticeNote', ''],
    ]);
  });
});

describe('renderNoticeDocx edge cases', () => {
  it('without 发文字号, 抄送 or date: the red rule stays, the office signs, the 版记 has one line', async () => {
    const data = { ...noticeFixture(), texts: {} };
    const doc = await readDocx(await renderNoticeDocx(data));
    const ps = paragraphsOf(doc);
    expect(ps[1].text).toBe('');
    expect(ps[1].xml).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
    const beforeAttachments = ps.slice(0, ps.findIndex((p) => p.text === '附件1'));
    expect(beforeAttachments.slice(-1).map((p) => p.text)).toEqual(['中共示例区委组织部办公室']);
    const last = doc.blocks[doc.blocks.length - 2] as DocxTable; // the 版记, before its anchor paragraph
    expect(last.rows).toEqual([['中共示例区委组织部办公室']]);
  });

  it('says so when nothing was adopted instead of printing an empty list', async () => {
    const doc = await readDocx(await renderNoticeDocx({ ...noticeFixture(), adoptions: [] }));
    const start = doc.blocks.findIndex((b) => b.kind === 'p' && b.text === '附件2');
    expect(shape(doc.blocks.slice(start, start + 3))).toEqual([
      ['NoticeAttachmentLabel', '附件2'],
      ['NoticeTitle', '2023年第二季度信息宣传录用情况一览表'],
      ['NoticeBody', '本季度无录用稿件。'],
    ]);
  });

  it('renders 60 units and 500 adoptions with every row present', async () => {
    const doc = await readDocx(await renderNoticeDocx(largeNoticeFixture(60, 500)));
    const tables = doc.blocks.filter((b): b is DocxTable => b.kind === 'table');
    // 镇街组, 部门组, 总排名, adoption list, excluded entries, 版记
    expect(tables.map((t) => t.rows.length)).toEqual([31, 31, 61, 1 + 4 + 500, 2, 2]);
    expect(tables[2].rows[60][0]).toBe('60');
  });

  it('lists every row of unbounded data (documents are bounded by the builder, not here)', async () => {
    // the renderer prints what the data lists; bounding is the builder's decision (see below)
    const data = largeNoticeFixture(60, 500);
    expect(data.adoptionsOmitted).toBeUndefined();
    const doc = await readDocx(await renderNoticeDocx(data));
    expect(doc.blocks.some((b) => b.kind === 'p' && b.text.includes('电子表格版附件2'))).toBe(false);
  });
});

describe('renderNoticeDocx with more adoptions than 附件2 lists', () => {
  const attachment2 = async (data: Parameters<typeof renderNoticeDocx>[0]) => {
    const doc = await readDocx(await renderNoticeDocx(data));
    const start = doc.blocks.findIndex((b) => b.kind === 'p' && b.text === '附件2');
    const next = doc.blocks.findIndex((b) => b.kind === 'p' && b.text === '附件3');
    return doc.blocks.slice(start + 2, next > start ? next : -2);
  };

  it('lists the whole levels that fit, then one sentence with the counts of the rest, then the legend', async () => {
    const { data } = bulkNoticeFixture();
    const blocks = await attachment2(data);
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'p', 'p']);
    const table = blocks[0] as DocxTable;
    // header, two level captions, 40 + 120 rows: no 市级 or 区级 row at all
    expect(table.rows).toHaveLength(1 + 2 + 160);
    const captions = table.rows.filter((r) => r.length === 1).map((r) => r[0]);
    expect(captions).toEqual(['中央级（40篇次）', '省级（120篇次）']);
    expect(table.rows.slice(1).filter((r) => r.length === 6).every((r) => /^(central|provincial)-/.test(r[1]))).toBe(true);
    // the central rows come first and run by outlet then date
    expect(table.rows[2].slice(1, 4)).toEqual(['central-0000 基层党建工作经验', '《组工通讯》', '4月1日']);
    expect(table.rows[43].slice(1, 4)).toEqual(['provincial-0000 基层党建工作经验', '《示例组工》', '4月1日']);
    expect(shape(blocks.slice(1))).toEqual([
      ['NoticeBody', '另有市级录用400篇次、区级录用1,200篇次，明细见电子表格版附件2（录用情况一览表）。'],
      ['NoticeNote', '注：★ 领导批示；▲ 约稿；◆ 头版头条。'],
    ]);
  });

  it('prints only the sentence when not even the central level fits', async () => {
    const data = {
      ...noticeFixture(),
      adoptions: [],
      adoptionsOmitted: [
        { level: 'central' as const, count: 2400 },
        { level: 'provincial' as const, count: 5600 },
        { level: 'municipal' as const, count: 12000 },
        { level: 'district' as const, count: 20000 },
      ],
    };
    expect(shape(await attachment2(data))).toEqual([
      ['NoticeBody', '本季度共录用40,000篇次（中央级2,400篇次、省级5,600篇次、市级12,000篇次、区级20,000篇次），条目较多，不逐条列出，明细见电子表格版附件2（录用情况一览表）。'],
    ]);
  });

  it('quotes at most 30 adoptions of provincial level and above in the body, with the true total', async () => {
    const base = noticeFixture();
    const highlights = Array.from({ length: 30 }, (_, i) => ({ unitName: '临江街道', title: `稿件${i + 1}`, outletName: '人民日报', level: 'central' }));
    const doc = await readDocx(await renderNoticeDocx({ ...base, highlights, highlightsTotal: 1234 }));
    const paragraph = paragraphsOf(doc).find((p) => p.text.startsWith('本季度，省级以上媒体和刊物录用稿件'))!;
    expect(paragraph.text.startsWith('本季度，省级以上媒体和刊物录用稿件1,234篇次，择要列举如下：临江街道《稿件1》被人民日报刊发（中央级）；')).toBe(true);
    expect(paragraph.text.endsWith('临江街道《稿件30》被人民日报刊发（中央级）。其余1,204篇次详见附件2。')).toBe(true);
    expect(paragraph.text.match(/被人民日报刊发/g)).toHaveLength(30);
  });
});

describe('writeNoticeDocx at province size', () => {
  /** 2,000 units in 20 groups (4,000 rows in 附件1), names with every character XML must escape or drop. */
  const provinceNotice = (): NoticeData => {
    const data = largeNoticeFixture(2000, 300);
    const names = Array.from({ length: 20 }, (_, g) => `第${g + 1}组`);
    const rows = data.overall.map((r, i) => ({
      ...r,
      unitName: i % 97 === 0 ? `${r.unitName} R&D <试点> "甲" '乙'\u0001` : r.unitName,
      groupName: names[i % 20],
      groupRank: Math.floor(i / 20) + 1,
    }));
    return { ...data, overall: rows, groups: names.map((groupName) => ({ groupName, rows: rows.filter((r) => r.groupName === groupName) })) };
  };

  it('streams every row and cell of the 21 ranking tables and 附件2 into a valid package, escaped and in order', async () => {
    const data = provinceNotice();
    const { sink, written } = slowFile();
    await writeNoticeDocx(sink, data);
    const doc = await readDocx(await written());
    const tables = doc.blocks.filter((b): b is DocxTable => b.kind === 'table');
    // control characters are dropped, as docx drops them from any other text
    const expected = rankingTables(data).map((t) => [[...RANKING_COLUMNS], ...t.rows.map((r) => rankingCells(r).map((c) => c.replace('\u0001', '')))]);
    expect(expected).toHaveLength(21);
    expect(tables.slice(0, 21).map((t) => t.rows)).toEqual(expected);
    expect(tables[20].rows).toHaveLength(2001);
    expect(tables[20].rows[1][1]).toBe(`示例第1单位 R&D <试点> "甲" '乙'`);
    const adoptions = [[...ADOPTION_COLUMNS], ...adoptionGroups(data).flatMap((g) => [[g.caption], ...g.rows.map(adoptionCells)])];
    expect(tables[21].rows).toEqual(adoptions);
    const xml = doc.files['word/document.xml'];
    expect(xml).toContain('R&amp;D &lt;试点&gt; &quot;甲&quot; &apos;乙&apos;</w:t>');
    expect(xml).not.toContain('pubscore-grid');
    // one header row, repeated on each page, per grid table: 21 ranking tables, 附件2, 附件3
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(23);
  });

  it('writes the same bytes whether streamed to a file or collected into a buffer', async () => {
    const data = largeNoticeFixture(200, 300);
    const { sink, written } = slowFile();
    await writeNoticeDocx(sink, data);
    const [streamed, buffered] = [await readDocx(await written()), await readDocx(await renderNoticeDocx(data))];
    expect(streamed.files['word/document.xml']).toBe(buffered.files['word/document.xml']);
    expect(Object.keys(streamed.files).sort()).toEqual(Object.keys(buffered.files).sort());
  });
});
