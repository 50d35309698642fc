import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@app/contracts';

/** Who is calling: set on the request by AuthGuard. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  officeId: number;
  /** Set for officers and reviewers: the one unit they may see. */
  unitId: number | null;
  /** The session the request came with (set by AuthGuard; absent for jobs acting as a user). */
  sessionId?: number;
}

/** `@Auth() user: AuthUser` in a controller method. */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
