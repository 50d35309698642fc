import type { OutletResponse } from '@app/contracts';
import type { Outlet } from './outlet.entity';

/** An outlet as the API answers it: the entity without `officeId`, which is internal scoping. */
export const toOutletResponse = (o: Outlet) =>
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
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  }) satisfies OutletResponse;
