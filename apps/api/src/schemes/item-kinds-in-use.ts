import { quarterRange, type CompiledScheme2 } from '@app/scoring';

/**
 * Field errors for a version that could not score the 事项 already recorded in the quarters it
 * would govern (from `from` up to, not including, `until`; open-ended when null): a kind the
 * catalogue no longer has, or a kind now valued per level recorded without one. The engine
 * refuses such records, so saving the version would break every recompute of those quarters
 * for the whole office — it is refused instead, naming the kinds and how many records use them.
 * `inUse` is SchemesRepository.itemKindCounts over those quarters.
 */
export function itemKindsInUseErrors(
  inUse: readonly { kind: string; noLevel: boolean; n: number }[],
  scheme: CompiledScheme2,
): Record<string, string> {
  const problems: string[] = [];
  for (const { kind, noLevel, n } of inUse) {
    const compiled = scheme.items.get(kind);
    if (!compiled) problems.push(`事项“${kind}”已有 ${n} 条记录，新版本的事项目录中没有它`);
    else if (!compiled.flat && noLevel) problems.push(`事项“${kind}”改为按级别计分，但已有 ${n} 条记录没有级别`);
  }
  return problems.length ? { document: `${problems.join('；')}；请保留该事项（可设为 0 分），或先修改这些记录` } : {};
}

/** The date range of the quarters from `from` up to, not including, `until` (open-ended when null). */
export function itemDateRange(from: string, until: string | null): { fromDate: string; untilDate: string | null } {
  return { fromDate: quarterRange(from).start, untilDate: until ? quarterRange(until).start : null };
}
