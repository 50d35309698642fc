import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { isUnitScoped } from '../auth/scope';
import { conflict, forbidden, notFound } from '../common/app-error';
import { Adjustment } from './adjustment.entity';

/**
 * An adjustment the caller may see: the office and leaders any of their office; officers and
 * reviewers only their own unit's approved ones (a pending or rejected one is not theirs to see).
 */
export async function loadVisibleAdjustment(manager: EntityManager, user: AuthUser, id: number): Promise<Adjustment> {
  const adjustment = await manager.findOne(Adjustment, { where: { id, officeId: user.officeId } });
  if (!adjustment || (isUnitScoped(user) && (adjustment.unitId !== user.unitId || adjustment.status !== 'approved'))) throw notFound('加减分记录');
  return adjustment;
}

/** Only the office changes an adjustment (or its evidence), and only while it awaits approval. */
export function assertAdjustmentEditable(user: AuthUser, adjustment: Adjustment) {
  if (user.role !== 'office') throw forbidden('只有办公室可以修改加减分');
  if (adjustment.status !== 'pending') throw conflict('not_editable', '加减分已审批，不能修改');
}
