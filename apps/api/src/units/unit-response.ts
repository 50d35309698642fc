import type { RankingGroupResponse, UnitResponse } from '@app/contracts';
import type { RankingGroup } from './ranking-group.entity';
import type { Unit } from './unit.entity';

/** A ranking group as the API answers it: the entity without `officeId`, which is internal scoping. */
export const toRankingGroupResponse = (g: RankingGroup) =>
  ({
    id: g.id,
    code: g.code,
    name: g.name,
    sortOrder: g.sortOrder,
    active: g.active,
    version: g.version,
    createdAt: g.createdAt.toISOString(),
    updatedAt: g.updatedAt.toISOString(),
  }) satisfies RankingGroupResponse;

/** A unit as the API answers it (with its group where the query joined it), without `officeId`. */
export const toUnitResponse = (u: Unit) =>
  ({
    id: u.id,
    code: u.code,
    name: u.name,
    groupId: u.groupId,
    ...(u.group ? { group: toRankingGroupResponse(u.group) } : {}),
    active: u.active,
    contactName: u.contactName,
    contactPhone: u.contactPhone,
    childOfficeId: u.childOfficeId,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  }) satisfies UnitResponse;
