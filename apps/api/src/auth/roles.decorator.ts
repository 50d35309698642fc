import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { ROLES, type Role } from '@app/contracts';

export const ACCESS_KEY = 'pubscore:access';

export type RouteAccess = { public: true } | { public: false; roles: readonly Role[]; allowPendingPasswordChange?: boolean };

/** Declares which roles may call a route (or every route of a controller). Required everywhere. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { public: false, roles } satisfies RouteAccess), ApiBearerAuth(), ApiCookieAuth());

/** Any signed-in user. */
export const AnyRole = () => Roles(...ROLES);

/** Routes a user must still reach before changing a temporary password (me, change password, logout). */
export const AnyRoleEvenBeforePasswordChange = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { public: false, roles: ROLES, allowPendingPasswordChange: true } satisfies RouteAccess), ApiBearerAuth(), ApiCookieAuth());

/** No login needed (login itself, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies RouteAccess);
