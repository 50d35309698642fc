import { auditChanges, auditValue } from './audit-view';

const ZONE = 'Asia/Shanghai';

describe('auditValue', () => {
  it.each([
    ['title', null, '—'],
    ['active', false, '否'],
    ['status', 'verified', '已核定'],
    ['status', 'pending', '待审批'],
    ['stage', 'closed', '已关账'],
    ['level', 'central', '中央级'],
    ['createdAt', '2026-03-05T16:10:00.000Z', '2026-03-06 00:10'],
    ['unitIds', [3, 4], '3、4'],
    ['override', { action: 'publish', reason: '领导要求提前', userName: '办公室 王敏' }, '动作：发布；理由：领导要求提前；操作人：办公室 王敏'],
    ['receivedVia', 'email', '电子邮件'],
    ['title', '关于"社区"的报道', '关于"社区"的报道'],
  ])('%s %j → %s', (field, value, shown) => {
    expect(auditValue(field, value, ZONE)).toBe(shown);
  });
});

describe('auditChanges', () => {
  it('lists the fields an update changed with their Chinese names, hiding bookkeeping', () => {
    expect(auditChanges({ title: '旧标题', officeId: 1, status: 'draft', wordCount: 800 }, { title: '新标题', wordCount: 1200, genre: '消息' }, ZONE)).toEqual([
      { field: 'title', label: '标题', before: '旧标题', after: '新标题' },
      { field: 'wordCount', label: '字数', before: '800', after: '1200' },
      { field: 'genre', label: '体裁', before: '—', after: '消息' },
    ]);
  });

  it('leaves out a field the update wrote unchanged', () => {
    expect(auditChanges({ stage: 'review' }, { stage: 'review', disputeUntil: '2026-04-10' }, ZONE)).toEqual([
      { field: 'disputeUntil', label: '异议截止', before: '—', after: '2026-04-10' },
    ]);
  });

  it('lists every field of a deleted record, and both sides when they share no field', () => {
    expect(auditChanges({ name: '青石镇', active: true, officeId: 1 }, null, ZONE)).toEqual([
      { field: 'name', label: '名称', before: '青石镇', after: '—' },
      { field: 'active', label: '启用', before: '是', after: '—' },
    ]);
    expect(auditChanges({ mergedArticle: '甲' }, { units: [1, 2] }, ZONE)).toEqual([
      { field: 'mergedArticle', label: '并入的稿件', before: '甲', after: '—' },
      { field: 'units', label: '单位', before: '—', after: '1、2' },
    ]);
  });

  it('is empty when neither side holds anything', () => {
    expect(auditChanges(null, null, ZONE)).toEqual([]);
  });
});
