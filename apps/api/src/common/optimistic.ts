import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict } from './app-error';

/**
 * Saves `changes` only if the row is still at `expectedVersion` (one conditional UPDATE, so
 * two concurrent saves cannot both win). TypeORM bumps the version column on update.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: number,
  expectedVersion: number,
  changes: Partial<T>,
): Promise<void> {
  const result = await manager.createQueryBuilder().update(target).set(changes as never).where('id = :id AND version = :version', { id, version: expectedVersion }).execute();
  if (!result.affected) {
    throw conflict('stale_version', '该记录已被他人修改，请刷新后重试', { version: '版本已过期' });
  }
}
