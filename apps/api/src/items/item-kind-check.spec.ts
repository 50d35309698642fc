import type { ItemKind } from '@app/contracts';
import { checkItemKind } from './item-kind-check';

const KINDS: ItemKind[] = [
  { kind: '会议交流发言', name: '会议交流发言', recordedBy: 'unit', perLevel: true, voidsArticle: false },
  { kind: '虚假信息', name: '虚假信息', recordedBy: 'office', perLevel: false, voidsArticle: true },
];

describe('checkItemKind', () => {
  it.each([
    ['a per-level kind with its level', '会议交流发言', 'municipal' as const, '会议交流发言'],
    ['a flat kind without a level', '虚假信息', null, '虚假信息'],
  ])('accepts %s', (_label, kind, level, expected) => {
    expect(checkItemKind(KINDS, kind, level, '2026-05-01')).toEqual({ ok: true, kind: KINDS.find((k) => k.kind === expected) });
  });

  it.each([
    ['a kind the catalogue lacks, listing the kinds it has', KINDS, '座谈会发言', null, 'kind', 'item_kind_not_in_scheme', '事项类型「座谈会发言」不在 2026-05-01 施行的计分办法的事项目录中，可选：会议交流发言、虚假信息'],
    ['any kind when the scheme has no catalogue', [], '会议交流发言', 'municipal' as const, 'kind', 'item_kind_not_in_scheme', '2026-05-01 施行的计分办法没有事项目录，不能记录「会议交流发言」等事项；请先在计分办法中增加事项目录（items）'],
    ['a per-level kind without a level', KINDS, '会议交流发言', null, 'level', 'item_level_required', '「会议交流发言」按级别计分，级别必填（中央级/省级/市级/区级）'],
    ['a level on a flat kind', KINDS, '虚假信息', 'central' as const, 'level', 'item_level_not_applicable', '「虚假信息」不按级别计分（固定分值），请不要填写级别'],
  ])('refuses %s', (_label, kinds, kind, level, field, code, message) => {
    expect(checkItemKind(kinds, kind, level, '2026-05-01')).toEqual({ ok: false, field, code, message });
  });
});
