import type { OutletResponse } from '@app/contracts';
import type { Outlet } from './outlet.entity';

/**
 * An outlet as the API answers it: the entity without `officeId`, which is internal scoping;
 * `own` says whether the caller's office holds it (false: shared from an office above, read-only).
 */
export const toOutletResponse = (o: Outlet, officeId: number) =>
  ({
    id: o.id,
    code: o.code,
    name: o.name,
    aliases: o.aliases,
    level: o.level,
    channel: o.channel,
    medium: o.medium,
    active: o.active,
    placeholder: o.placeholder,
    version: o.version,
    own: o.officeId === officeId,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }) satisfies OutletResponse;
