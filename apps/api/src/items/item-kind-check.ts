import { LEVEL_LABELS, LEVELS, type ItemKind, type Level } from '@app/contracts';

export type ItemKindCheck =
  | { ok: true; kind: ItemKind }
  | { ok: false; field: 'kind' | 'level'; code: 'item_kind_not_in_scheme' | 'item_level_required' | 'item_level_not_applicable'; message: string };

const LEVEL_CHOICES = LEVELS.map((l) => LEVEL_LABELS[l]).join('/');

/**
 * The one rule for what a 事项 record may say, shared by the items API and the history import:
 * its kind must be in the catalogue of the scheme in force on its date (`kinds`), a kind valued
 * per level needs a level, and a flat kind takes none. The engine refuses a verified record of
 * an unknown kind, or of a per-level kind without a level, for the whole quarter, so such a
 * record must never be stored. A level on a flat kind is refused rather than dropped: the
 * engine would ignore it, so keeping it would show reviewers a level that scores nothing, and
 * dropping it silently would lose what the person typed without telling them.
 */
export function checkItemKind(kinds: readonly ItemKind[], kind: string, level: Level | null, date: string): ItemKindCheck {
  const found = kinds.find((k) => k.kind === kind) ?? kinds.find((k) => k.name === kind);
  if (!found) {
    const message = kinds.length
      ? `事项类型「${kind}」不在 ${date} 施行的计分办法的事项目录中，可选：${kinds.map((k) => k.kind).join('、')}`
      : `${date} 施行的计分办法没有事项目录，不能记录「${kind}」等事项；请先在计分办法中增加事项目录（items）`;
    return { ok: false, field: 'kind', code: 'item_kind_not_in_scheme', message };
  }
  if (found.perLevel && !level) return { ok: false, field: 'level', code: 'item_level_required', message: `「${found.name}」按级别计分，级别必填（${LEVEL_CHOICES}）` };
  if (!found.perLevel && level) return { ok: false, field: 'level', code: 'item_level_not_applicable', message: `「${found.name}」不按级别计分（固定分值），请不要填写级别` };
  return { ok: true, kind: found };
}
