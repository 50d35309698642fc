import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth } from '@nestjs/swagger';
import { BUSINESS_ROLES, ROLES, type Role } from '@app/contracts';

export const ACCESS_KEY = 'pubscore:access';
export const DUTY_KEY = 'pubscore:duty';

export type RouteAccess = { public: true } | { public: false; roles: readonly Role[]; allowPendingPasswordChange?: boolean };

/** Declares which roles may call a route (or every route of a controller). Required everywhere. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { public: false, roles } satisfies RouteAccess), ApiBearerAuth(), ApiCookieAuth());

/** Any signed-in user who works with the records (not the security administrator or auditor). */
export const AnyRole = () => Roles(...BUSINESS_ROLES);

/** Any signed-in account at all: what is its own (sessions, notifications). */
export const AnyAccount = () => Roles(...ROLES);

/** A power the administrator hands over when duties are separated (SEPARATION_OF_DUTIES). */
export type Duty = 'security' | 'audit';

/**
 * With SEPARATION_OF_DUTIES the `admin` role loses this route: `security` (roles, unlocks)
 * goes to the security administrator, `audit` (reading the log) to the auditor. The route
 * still lists who may call it in @Roles; this only takes `admin` out.
 */
export const SeparatedDuty = (duty: Duty) => SetMetadata(DUTY_KEY, duty);

/** Routes a user must still reach before changing a temporary password (me, change password, logout). */
export const AnyRoleEvenBeforePasswordChange = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { public: false, roles: ROLES, allowPendingPasswordChange: true } satisfies RouteAccess), ApiBearerAuth(), ApiCookieAuth());

/** No login needed (login itself, health). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies RouteAccess);
