import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import type { SessionInfo } from '@app/contracts';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app-error';
import type { ClientInfo } from '../common/request-context';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { AuthUser } from './auth-user';
import { Session } from './session.entity';
import { Clock } from '../common/clock';

/** Sessions long past their end are deleted when their user next logs in. */
const KEEP_ENDED_MS = 7 * 24 * 3600_000;

/** The logins of a user: start, list, end. The guard checks them on every request (AuthGuard). */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async start(userId: number, client: ClientInfo, now: Date, manager?: EntityManager): Promise<Session> {
    const repo = manager ? manager.getRepository(Session) : this.sessions;
    await repo.delete({ userId, expiresAt: LessThan(new Date(now.getTime() - KEEP_ENDED_MS)) });
    return repo.save(repo.create({
      userId,
      userAgent: client.userAgent,
      address: client.address,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.session.ttlHours * 3600_000),
      revokedAt: null,
    }));
  }

  /** The caller's sessions that can still be used, newest first. */
  async list(auth: AuthUser, now = this.clock.now()): Promise<SessionInfo[]> {
    const idleSince = new Date(now.getTime() - this.config.session.idleMinutes * 60_000);
    const rows = await this.sessions.find({
      where: { userId: auth.id, revokedAt: IsNull(), expiresAt: MoreThan(now), lastSeenAt: MoreThan(idleSince) },
      order: { id: 'DESC' },
    });
    return rows.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      address: s.address,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      current: s.id === auth.sessionId,
    }));
  }

  /** Ends one of the caller's own sessions (another device, or this one). */
  async end(auth: AuthUser, id: number): Promise<void> {
    const result = await this.sessions.update({ id, userId: auth.id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
    if (!result.affected) throw notFound('会话');
    await this.audit.record(auth, 'session-end', 'session', id, null, null);
  }

  /** Ends every session of the caller but the current one. */
  async endOthers(auth: AuthUser): Promise<number> {
    const ended = (await this.sessions.update({ userId: auth.id, revokedAt: IsNull(), ...(auth.sessionId ? { id: Not(auth.sessionId) } : {}) }, { revokedAt: this.clock.now() })).affected ?? 0;
    await this.audit.record(auth, 'session-end-others', 'session', auth.sessionId ?? '-', null, { ended });
    return ended;
  }

  /** Logout: the token of this session is refused from now on. */
  async revoke(id: number): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** A password change, reset, role change or disabling ends every session of the user. */
  async revokeAll(userId: number, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(Session) : this.sessions;
    await repo.update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Moves lastSeenAt forward; the guard calls it at most once a minute per session. */
  async touch(id: number, now: Date): Promise<void> {
    await this.sessions.update(id, { lastSeenAt: now });
  }
}
