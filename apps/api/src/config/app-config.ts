import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { businessDate, isBusinessDate } from '@app/scoring';
import { EnvDto } from './env.dto';
import { systemNow } from '../common/clock';

export type AppRole = 'api' | 'worker' | 'all';

/** The typed, validated configuration every part of the server reads (never process.env). */
export interface AppConfig {
  role: AppRole;
  http: {
    port: number;
    host: string;
    /** Origins a cookie-authenticated write may come from; empty = the request's own origin. */
    publicOrigins: string[];
    /** Express `trust proxy`: which peers' X-Forwarded-Proto/-For are believed. */
    trustProxy: TrustProxy;
  };
  dataDir: string;
  database: { type: 'sqlite'; file: string } | { type: 'mysql'; url: string; flavor?: 'mysql' | 'mariadb' };
  queue: { mode: 'inline' } | { mode: 'bull'; redisUrl: string; prefix: string };
  jobs: { attempts: number; backoffMs: number; lockMs: number };
  session: { secret: string; ttlHours: number; idleMinutes: number };
  login: { freeFailures: number; delaySeconds: number; maxDelayMinutes: number };
  passwords: { minLength: number; minClasses: number; history: number; maxAgeDays: number; hashCost: number };
  audit: { retentionDays: number };
  /** 三员分立: admin keeps users and settings; roles and unlocks go to secadmin, the audit log to auditor. */
  separationOfDuties: boolean;
  demo: { seed: boolean; records: boolean; mode: boolean; password: string };
  business: { timeZone: string; monthlyReportDueDay: number; placementEarlyMarginDays: number; disputeDays: number; dateMin: string; yearsAhead: number };
  uploads: { maxBytes: number };
  /** Reminders and where they are delivered besides the in-app messages (each channel optional). */
  reminders: {
    daysBefore: number;
    smtpUrl: string | null;
    mailFrom: string;
    wecomWebhookUrl: string | null;
    dingtalkWebhookUrl: string | null;
    dingtalkSecret: string | null;
  };
  logLevel: string;
}

/** `false` trusts no peer, a number trusts that many hops, a list names addresses, subnets or `loopback`-style groups. */
export type TrustProxy = false | number | string[];

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
    http: { port: dto.PORT!, host: dto.HOST!, publicOrigins: parsePublicOrigins(dto.PUBLIC_ORIGIN), trustProxy: parseTrustProxy(dto.TRUST_PROXY!) },
    dataDir,
    database: dto.DATABASE_URL ? { type: 'mysql', url: dto.DATABASE_URL } : { type: 'sqlite', file: path.join(dataDir, 'pubscore.sqlite') },
    queue: dto.REDIS_URL ? { mode: 'bull', redisUrl: dto.REDIS_URL, prefix: dto.QUEUE_PREFIX! } : { mode: 'inline' },
    jobs: { attempts: dto.JOB_ATTEMPTS!, backoffMs: dto.JOB_BACKOFF_MS!, lockMs: dto.JOB_LOCK_MS! },
    session: { secret: dto.SESSION_SECRET ?? readOrCreateSecret(dataDir), ttlHours: dto.SESSION_TTL_HOURS!, idleMinutes: dto.SESSION_IDLE_MINUTES! },
    login: { freeFailures: dto.LOGIN_FREE_FAILURES!, delaySeconds: dto.LOGIN_DELAY_SECONDS!, maxDelayMinutes: dto.LOGIN_MAX_DELAY_MINUTES! },
    passwords: { minLength: dto.PASSWORD_MIN_LENGTH!, minClasses: dto.PASSWORD_MIN_CLASSES!, history: dto.PASSWORD_HISTORY!, maxAgeDays: dto.PASSWORD_MAX_AGE_DAYS!, hashCost: dto.PASSWORD_HASH_COST! },
    audit: { retentionDays: dto.AUDIT_RETENTION_DAYS! },
    separationOfDuties: dto.SEPARATION_OF_DUTIES!,
    demo: { seed: dto.DEMO_SEED!, records: dto.DEMO_RECORDS!, mode: dto.DEMO_MODE!, password: dto.DEMO_PASSWORD! },
    business: { timeZone: dto.BUSINESS_TIME_ZONE!, monthlyReportDueDay: dto.MONTHLY_REPORT_DUE_DAY!, placementEarlyMarginDays: dto.PLACEMENT_EARLY_MARGIN_DAYS!, disputeDays: dto.QUARTER_DISPUTE_DAYS!, dateMin: dto.BUSINESS_DATE_MIN!, yearsAhead: dto.BUSINESS_YEARS_AHEAD! },
    uploads: { maxBytes: dto.UPLOAD_MAX_MB! * 1024 * 1024 },
    reminders: {
      daysBefore: dto.REMINDER_DAYS_BEFORE!,
      smtpUrl: dto.SMTP_URL ?? null,
      mailFrom: dto.MAIL_FROM!,
      wecomWebhookUrl: dto.WECOM_WEBHOOK_URL ?? null,
      dingtalkWebhookUrl: dto.DINGTALK_WEBHOOK_URL ?? null,
      dingtalkSecret: dto.DINGTALK_SECRET ?? null,
    },
    logLevel: dto.LOG_LEVEL!,
  };
}

/** Names of every setting, in declaration order (for docs and the .env example check). */
export function envKeys(): string[] {
  return Object.keys(new EnvDto()).concat(['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'PUBLIC_ORIGIN']).filter((k, i, all) => all.indexOf(k) === i);
}

// A robot webhook's URL carries its access token.
const SECRET_KEYS = new Set(['SESSION_SECRET', 'DEMO_PASSWORD', 'DINGTALK_SECRET', 'WECOM_WEBHOOK_URL', 'DINGTALK_WEBHOOK_URL']);

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

/** `https://a.example, https://b.example` → normalised origins; a path, a query or another scheme is refused. */
function parsePublicOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      // refused below
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== item.replace(/\/$/, '').toLowerCase()) {
      throw new ConfigError(`invalid configuration: PUBLIC_ORIGIN=${JSON.stringify(value)}: each entry must be an origin such as https://pubscore.example.gov.cn (scheme, host and port only)`);
    }
    return url.origin;
  });
}

const TRUST_GROUPS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Express's `trust proxy`, minus `true`: trusting every peer would let any client claim TLS
 * (and a Secure cookie) or another address (defeating per-address login limits).
 */
function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === 'none') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const valid = (item: string) => {
    if (TRUST_GROUPS.has(item)) return true;
    const [address, bits, ...rest] = item.split('/');
    const family = isIP(address);
    if (!family || rest.length) return false;
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  if (!items.length || !items.every(valid)) {
    throw new ConfigError(`invalid configuration: TRUST_PROXY=${JSON.stringify(value)}: must be false, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, addresses and subnets (10.0.0.0/8)`);
  }
  return items;
}

/** The range must hold today (its end is at least this year's last day): a later minimum would refuse everything. */
function assertDateMin(minDate: string, timeZone: string) {
  if (!isBusinessDate(minDate)) throw new ConfigError(`invalid configuration: BUSINESS_DATE_MIN=${JSON.stringify(minDate)}: not a calendar date`);
  const today = businessDate(systemNow(), timeZone);
  if (minDate > today) throw new ConfigError(`invalid configuration: BUSINESS_DATE_MIN=${JSON.stringify(minDate)}: after today (${today})`);
}

/**
 * Embedded installs need no setup, so the signing secret is generated once and kept beside the
 * data. Processes starting together on a shared DATA_DIR must end up with one secret: the new
 * one is written to a file of its own and linked into place, which fails if another process
 * linked its own first; then that one is used.
 */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session.secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  const own = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(own, secret, { mode: 0o600 });
  try {
    fs.linkSync(own, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.rmSync(own, { force: true });
  }
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
