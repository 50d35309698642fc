import type { EntityManager } from 'typeorm';
import { Office } from './office.entity';

/**
 * The ids of `officeId` and every office below it, the office itself first. A deployment holds
 * at most a few hundred offices (a province: cities and their districts), so the tree is read
 * whole rather than walked level by level with one query each.
 */
export async function subtreeIds(manager: EntityManager, officeId: number): Promise<number[]> {
  const rows = await manager.getRepository(Office).find({ select: { id: true, parentId: true } });
  const children = new Map<number, number[]>();
  for (const r of rows) if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const ids: number[] = [];
  for (const queue = [officeId]; queue.length > 0; ) {
    const id = queue.shift()!;
    ids.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** Whether `officeId` lies strictly below `ancestorId` in the tree. */
export async function isBelow(manager: EntityManager, ancestorId: number, officeId: number): Promise<boolean> {
  return ancestorId !== officeId && (await subtreeIds(manager, ancestorId)).includes(officeId);
}

/** `officeId` and the offices above it, nearest first (the office itself, its parent, …, the root). */
export async function ancestorIds(manager: EntityManager, officeId: number): Promise<number[]> {
  const rows = await manager.getRepository(Office).find({ select: { id: true, parentId: true } });
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  const ids: number[] = [];
  for (let id: number | null | undefined = officeId; id !== null && id !== undefined && !ids.includes(id); id = parent.get(id)) ids.push(id);
  return ids;
}
