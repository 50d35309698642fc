import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { conflict, forbidden, notFound } from '../common/app-error';
import { ItemRecord } from './item-record.entity';

/** An item the caller may see: the office's any; officers' and reviewers' only their unit's (else 404). */
export async function loadVisibleItem(manager: EntityManager, user: AuthUser, id: number): Promise<ItemRecord> {
  const item = await manager.findOne(ItemRecord, { where: { id, officeId: user.officeId } });
  if (!item || (isUnitScoped(user) && item.unitId !== user.unitId)) throw notFound('事项记录');
  return item;
}

/**
 * Who may change an item (and its evidence): its unit's officer while it is a draft or
 * returned; the office until it is verified (verified items are reopened first), as for placements.
 */
export function assertItemEditable(user: AuthUser, item: ItemRecord) {
  if (user.role === 'office' || user.role === 'admin') {
    if (item.status === 'verified') throw conflict('locked', '事项记录已核定，需先撤销核定（重新打开）才能修改');
    return;
  }
  if (user.role !== 'officer' || item.unitId !== user.unitId) throw forbidden('只有本单位信息员可以修改本单位的事项');
  if (item.status !== 'draft' && item.status !== 'returned') throw conflict('not_editable', '事项记录已提交审核，退回后才能修改');
}
