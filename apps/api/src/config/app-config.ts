import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { businessDate, isBusinessDate } from '@app/scoring';
import { EnvDto } from './env.dto';

export type AppRole = 'api' | 'worker' | 'all';

/** The typed, validated configuration every part of the server reads (never process.env). */
export interface AppConfig {
  role: AppRole;
  http: { port: number; host: string };
  dataDir: string;
  database: { type: 'sqlite'; file: string } | { type: 'mysql'; url: string; flavor?: 'mysql' | 'mariadb' };
  queue: { mode: 'inline' } | { mode: 'bull'; redisUrl: string; prefix: string };
  jobs: { attempts: number; backoffMs: number; lockMs: number };
  session: { secret: string; ttlHours: number };
  login: { maxFailures: number; lockMinutes: number };
  demo: { seed: boolean; records: boolean; mode: boolean; password: string };
  business: { timeZone: string; monthlyReportDueDay: number; placementEarlyMarginDays: number; disputeDays: number; dateMin: string; yearsAhead: number };
  uploads: { maxBytes: number };
  logLevel: string;
}

export class ConfigError extends Error {}

/** Turns an environment into AppConfig, or throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const known = Object.fromEntries(envKeys().map((k) => [k, env[k]]));
  const dto = plainToInstance(EnvDto, stripEmpty(known), { exposeDefaultValues: true });
  const errors = validateSync(dto, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}=${shown(e.property, env[e.property] ?? '')}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`invalid configuration: ${lines.join(' | ')}`);
  }
  assertTimeZone(dto.BUSINESS_TIME_ZONE!);
  assertDateMin(dto.BUSINESS_DATE_MIN!, dto.BUSINESS_TIME_ZONE!);
  const dataDir = path.resolve(dto.DATA_DIR!);
  return {
    role: dto.APP_ROLE!,
    http: { port: dto.PORT!, host: dto.HOST! },
    dataDir,
    database: dto.DATABASE_URL ? { type: 'mysql', url: dto.DATABASE_URL } : { type: 'sqlite', file: path.join(dataDir, 'pubscore.sqlite') },
    queue: dto.REDIS_URL ? { mode: 'bull', redisUrl: dto.REDIS_URL, prefix: dto.QUEUE_PREFIX! } : { mode: 'inline' },
    jobs: { attempts: dto.JOB_ATTEMPTS!, backoffMs: dto.JOB_BACKOFF_MS!, lockMs: dto.JOB_LOCK_MS! },
    session: { secret: dto.SESSION_SECRET ?? readOrCreateSecret(dataDir), ttlHours: dto.SESSION_TTL_HOURS! },
    login: { maxFailures: dto.LOGIN_MAX_FAILURES!, lockMinutes: dto.LOGIN_LOCK_MINUTES! },
    demo: { seed: dto.DEMO_SEED!, records: dto.DEMO_RECORDS!, mode: dto.DEMO_MODE!, password: dto.DEMO_PASSWORD! },
    business: { timeZone: dto.BUSINESS_TIME_ZONE!, monthlyReportDueDay: dto.MONTHLY_REPORT_DUE_DAY!, placementEarlyMarginDays: dto.PLACEMENT_EARLY_MARGIN_DAYS!, disputeDays: dto.QUARTER_DISPUTE_DAYS!, dateMin: dto.BUSINESS_DATE_MIN!, yearsAhead: dto.BUSINESS_YEARS_AHEAD! },
    uploads: { maxBytes: dto.UPLOAD_MAX_MB! * 1024 * 1024 },
    logLevel: dto.LOG_LEVEL!,
  };
}

/** Names of every setting, in declaration order (for docs and the .env example check). */
export function envKeys(): string[] {
  return Object.keys(new EnvDto()).concat(['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET']).filter((k, i, all) => all.indexOf(k) === i);
}

const SECRET_KEYS = new Set(['SESSION_SECRET', 'DEMO_PASSWORD']);

/** The bad value as the boot error shows it: secrets and URL passwords never reach the log. */
function shown(key: string, value: string): string {
  if (SECRET_KEYS.has(key)) return `(hidden, ${value.length} characters)`;
  return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@'));
}

function stripEmpty(values: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
}

function assertTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new ConfigError(`invalid configuration: BUSINESS_TIME_ZONE=${JSON.stringify(zone)}: must be an IANA time zone such as Asia/Shanghai`);
  }
}

/** The range must hold today (its end is at least this year's last day): a later minimum would refuse everything. */
function assertDateMin(minDate: string, timeZone: string) {
  if (!isBusinessDate(minDate)) throw new ConfigError(`invalid configuration: BUSINESS_DATE_MIN=${JSON.stringify(minDate)}: not a calendar date`);
  const today = businessDate(new Date(), timeZone);
  if (minDate > today) throw new ConfigError(`invalid configuration: BUSINESS_DATE_MIN=${JSON.stringify(minDate)}: after today (${today})`);
}

/** Embedded installs need no setup, so the signing secret is generated once and kept beside the data. */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session.secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

let cached: AppConfig | undefined;

/** The process's configuration, loaded once from process.env. */
export function loadConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests build apps with different settings in one process. */
export function setConfig(config: AppConfig | undefined): void {
  cached = config;
}
