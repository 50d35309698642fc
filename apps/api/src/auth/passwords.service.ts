import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { invalid } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { hashPassword, passwordProblem, verifyPassword } from '../users/password';
import type { User } from '../users/user.entity';
import { PasswordHistory } from './password-history.entity';

const DAY_MS = 86_400_000;

/**
 * The password policy (等保): rules for every password a person sets, the history of recent
 * ones, and expiry. The seeded demo password never passes through here.
 */
@Injectable()
export class PasswordsService {
  constructor(
    @InjectRepository(PasswordHistory) private readonly history: Repository<PasswordHistory>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** bcrypt cost of new hashes (PASSWORD_HASH_COST). */
  get hashCost(): number {
    return this.config.passwords.hashCost;
  }

  /** Throws a field error (`field`) when `plain` breaks a rule. */
  assertAcceptable(field: string, plain: string, username: string): void {
    const problem = passwordProblem(plain, username, this.config.passwords);
    if (problem) throw invalid({ [field]: problem });
  }

  /** Throws when `plain` is the current password or one of the last PASSWORD_HISTORY ones. */
  async assertNotRecent(field: string, user: User, plain: string): Promise<void> {
    const keep = this.config.passwords.history;
    if (keep === 0) return;
    const previous = await this.history.find({ where: { userId: user.id }, order: { id: 'DESC' }, take: keep, select: { id: true, passwordHash: true } });
    const hashes = [...new Set([user.passwordHash, ...previous.map((p) => p.passwordHash)])].slice(0, keep);
    for (const hash of hashes) {
      if (await verifyPassword(plain, hash)) throw invalid({ [field]: `新密码不能与最近 ${keep} 次使用过的密码相同` });
    }
  }

  /** Sets the hash and the change time on `user` (not saved); `remember` then records it. */
  async apply(user: User, plain: string, now: Date): Promise<void> {
    user.passwordHash = await hashPassword(plain, this.hashCost);
    user.passwordChangedAt = now;
  }

  /** Adds the user's current hash to the history, keeping only as many as the policy compares. */
  async remember(user: User, manager: EntityManager): Promise<void> {
    const repo = manager.getRepository(PasswordHistory);
    await repo.insert({ userId: user.id, passwordHash: user.passwordHash });
    const keep = Math.max(this.config.passwords.history, 1);
    const old = await repo.find({ where: { userId: user.id }, order: { id: 'DESC' }, skip: keep, take: 1000, select: { id: true } });
    if (old.length > 0) await repo.delete({ id: In(old.map((o) => o.id)) });
  }

  /** PASSWORD_MAX_AGE_DAYS has passed since the password was set (never when 0). */
  isExpired(user: Pick<User, 'passwordChangedAt' | 'createdAt'>, now: Date): boolean {
    const days = this.config.passwords.maxAgeDays;
    if (days === 0) return false;
    const since = user.passwordChangedAt ?? user.createdAt;
    return now.getTime() - since.getTime() >= days * DAY_MS;
  }
}
