import type { EntityManager } from 'typeorm';
import { conflict } from '../common/app-error';
import { toNumber } from '../common/db-errors';

/**
 * Which tables point at which records. A referenced unit, group or outlet cannot be deleted,
 * only deactivated: its history must keep its name. Features add their references here.
 */
export const REFERENCES: Record<string, { table: string; column: string; label: string }[]> = {
  unit: [
    { table: 'users', column: 'unitId', label: '用户' },
    { table: 'article_units', column: 'unitId', label: '稿件' },
    { table: 'commission_targets', column: 'unitId', label: '约稿' },
    { table: 'monthly_reports', column: 'unitId', label: '月报' },
    { table: 'item_records', column: 'unitId', label: '事项' },
    { table: 'adjustments', column: 'unitId', label: '加减分' },
  ],
  rankingGroup: [{ table: 'units', column: 'groupId', label: '单位' }],
  outlet: [{ table: 'placements', column: 'outletId', label: '录用' }],
};

/** Throws 409 `referenced` naming what still points at the record. */
export async function assertNotReferenced(manager: EntityManager, entity: keyof typeof REFERENCES, id: number, what: string) {
  for (const ref of REFERENCES[entity]) {
    const rows = await manager.query(`SELECT COUNT(*) AS n FROM ${ref.table} WHERE ${ref.column} = ?`, [id]);
    const n = toNumber(rows[0]?.n);
    if (n > 0) throw conflict('referenced', `${what}已被 ${n} 条${ref.label}记录引用，不能删除，请改为停用`);
  }
}
