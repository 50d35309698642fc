import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { systemNow } from '../common/clock';

export const SESSION_COOKIE = 'pubscore_session';

/** Verified tokens remembered at once (about 300 bytes each). */
const VERIFIED_MAX = 10_000;

interface TokenClaims {
  sub: number;
  /** the user's tokenVersion when the token was issued */
  tv: number;
  /** the sessions row of this login */
  sid: number;
}

/** Signed session tokens (JWT, HS256): the same token serves the cookie and the Bearer header. */
@Injectable()
export class SessionTokenService {
  /** A KeyObject made once: with a string secret jsonwebtoken builds one on every verify (~1.5 ms a request). */
  private readonly key: KeyObject;
  /** Tokens whose signature was checked, with their expiry (oldest dropped first beyond VERIFIED_MAX). */
  private readonly verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();

  constructor(private readonly jwt: JwtService, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.session.secret));
  }

  issue(userId: number, tokenVersion: number, sessionId: number): string {
    return this.jwt.sign({ sub: userId, tv: tokenVersion, sid: sessionId } satisfies TokenClaims, {
      secret: this.config.session.secret,
      expiresIn: this.config.session.ttlHours * 3600,
    });
  }

  /**
   * Returns the claims, or null for a missing, forged or expired token. A token once verified is
   * remembered until its expiry (the signature check and JSON parse were a tenth of a
   * millisecond on every request); whether its session still stands is the guard's database
   * check, made on every request as before.
   */
  verify(token: string): TokenClaims | null {
    const known = this.verified.get(token);
    if (known) {
      // Real time, as jsonwebtoken's own expiry check (not the injectable Clock).
      if (systemNow().getTime() < known.expiresAtMs) return known.claims;
      this.verified.delete(token);
    }
    try {
      const claims = this.jwt.verify<TokenClaims & { exp?: number }>(token, { secret: this.key as unknown as string, algorithms: ['HS256'] });
      if (typeof claims.sub !== 'number' || typeof claims.tv !== 'number' || typeof claims.sid !== 'number') return null;
      if (typeof claims.exp === 'number') {
        if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { claims, expiresAtMs: claims.exp * 1000 });
      }
      return claims;
    } catch {
      return null;
    }
  }

  get cookieMaxAgeMs() {
    return this.config.session.ttlHours * 3600 * 1000;
  }
}
