import { UNIT_SCOPED_ROLES } from '@app/contracts';
import { forbidden } from '../common/app-error';
import type { AuthUser } from './auth-user';

/** Officers and reviewers see only their own unit. */
export const isUnitScoped = (user: AuthUser) => UNIT_SCOPED_ROLES.includes(user.role);

/** Throws 403 unless the user may act for `unitId` (their own unit, or any unit for the office). */
export function assertUnitAccess(user: AuthUser, unitId: number, message = '只能查看或修改本单位的记录') {
  if (isUnitScoped(user) && user.unitId !== unitId) throw forbidden(message);
}

/** The unit filter a list must apply: the caller's own unit when scoped, else what was asked. */
export function scopedUnitId(user: AuthUser, requested?: number): number | undefined {
  return isUnitScoped(user) ? user.unitId ?? -1 : requested;
}
