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
    ['override', { reason: '领导要求提前', action: 'publish' }, '理由：领导要求提前；动作：publish'],
    ['title', '关于"社区"的报道', '关于"社区"的报道'],
  ])('%s %j → %s', (field, value, shown) => {
    expect(auditValue(field, value, ZONE)).toBe(shown);
  });
});

describe('auditChanges', () => {
  it('lists each field either side holds with its Chinese name, hiding bookkeeping', () => {
    expect(auditChanges({ title: '旧标题', officeId: 1, status: 'draft' }, { title: '新标题', wordCount: 1200 }, ZONE)).toEqual([
      { field: 'title', label: '标题', before: '旧标题', after: '新标题' },
      { field: 'status', label: '状态', before: '草稿', after: '—' },
      { field: 'wordCount', label: '字数', before: '—', after: '1200' },
    ]);
  });

  it('is empty when neither side holds anything', () => {
    expect(auditChanges(null, null, ZONE)).toEqual([]);
  });
});
