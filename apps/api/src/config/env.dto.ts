import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (value === 'true' || value === '1' || value === true) return true;
  if (value === 'false' || value === '0' || value === false) return false;
  return value;
};

/**
 * Every environment variable pubscore reads, with its default and what it means.
 * The README's settings table and config/.env.example are checked against this class
 * (config.spec.ts), so adding a setting here without documenting it fails the tests.
 */
export class EnvDto {
  /** HTTP port. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT?: number = 3000;

  /** Address to listen on. */
  @IsOptional() @IsString()
  HOST?: string = '0.0.0.0';

  /** Origin(s) users open pubscore at, comma-separated (https://pubscore.example.gov.cn); empty = the request's own host. */
  @IsOptional() @IsString()
  PUBLIC_ORIGIN?: string;

  /** Which peers may say the request came over TLS (X-Forwarded-Proto/-For): `loopback`, addresses or subnets, a hop count, or `false`. */
  @IsOptional() @IsString()
  TRUST_PROXY?: string = 'loopback';

  /** What this process does: `api` (HTTP only), `worker` (queue processors only), `all` (both). */
  @IsOptional() @IsIn(['api', 'worker', 'all'])
  APP_ROLE?: 'api' | 'worker' | 'all' = 'all';

  /** Folder for the SQLite database, evidence files, notices and the generated secret. */
  @IsOptional() @IsString()
  DATA_DIR?: string = 'data';

  /** `mysql://user:pass@host:3306/db` for MySQL 8 / MariaDB; empty = embedded SQLite under DATA_DIR. */
  @IsOptional() @Matches(/^mysql:\/\/.+/, { message: 'must look like mysql://user:pass@host:3306/database' })
  DATABASE_URL?: string;

  /** `redis://host:6379` to run jobs on Bull; empty = the in-process runner. */
  @IsOptional() @Matches(/^rediss?:\/\/.+/, { message: 'must look like redis://host:6379' })
  REDIS_URL?: string;

  /** Key prefix of the Bull queues (several deployments can share one Redis). */
  @IsOptional() @IsString() @Matches(/^[a-zA-Z0-9_:-]+$/, { message: 'letters, digits, _ : - only' })
  QUEUE_PREFIX?: string = 'pubscore';

  /** Secret that signs session tokens; empty = generated once and kept in DATA_DIR/session.secret. */
  @IsOptional() @IsString() @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET?: string;

  /** How long a login lasts, in hours. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(720)
  SESSION_TTL_HOURS?: number = 12;

  /** Minutes without a request after which a session ends (besides SESSION_TTL_HOURS). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  SESSION_IDLE_MINUTES?: number = 30;

  /** Failed logins for one account from one address before further attempts from there are held off. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_FREE_FAILURES?: number = 5;

  /** First hold-off after LOGIN_FREE_FAILURES, in seconds; it doubles with every further failure. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  LOGIN_DELAY_SECONDS?: number = 30;

  /** Longest hold-off of one account from one address, in minutes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_MAX_DELAY_MINUTES?: number = 15;

  /** Shortest password a user may set. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(8) @Max(64)
  PASSWORD_MIN_LENGTH?: number = 10;

  /** Character classes (lower case, upper case, digits, symbols) a new password must mix. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(4)
  PASSWORD_MIN_CLASSES?: number = 3;

  /** A new password must differ from this many previous ones (0 = no history check). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(24)
  PASSWORD_HISTORY?: number = 5;

  /** Days after which a password must be changed at the next login (0 = never). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  PASSWORD_MAX_AGE_DAYS?: number = 0;

  /** bcrypt cost factor of new password hashes (2^cost rounds); stored hashes keep their own. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(4) @Max(15)
  PASSWORD_HASH_COST?: number = 10;

  /** Days audit entries are kept, at least 180 (older ones are purged daily). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(180, { message: 'must be at least 180 (等保 requires half a year)' }) @Max(36500)
  AUDIT_RETENTION_DAYS?: number = 180;

  /** 三员分立: split the admin's powers among the system admin, the security admin (roles, unlocks) and the auditor (audit log). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  SEPARATION_OF_DUTIES?: boolean = false;

  /** Seed the demo district (units, outlets, one account per role) when the database is empty. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_SEED?: boolean = true;

  /** With DEMO_SEED: also a year of demo records, past quarters published (the tests turn this off). */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_RECORDS?: boolean = true;

  /** Demo mode: demo accounts keep their printed password; outside it they must change it at first login. */
  @IsOptional() @Transform(toBool) @IsBoolean()
  DEMO_MODE?: boolean = true;

  /** Password of the seeded demo accounts. */
  @IsOptional() @IsString() @MinLength(8, { message: 'must be at least 8 characters' })
  DEMO_PASSWORD?: string = 'Demo@2026';

  /** Calendar zone of business dates (quarters, deadlines, due days). */
  @IsOptional() @IsString()
  BUSINESS_TIME_ZONE?: string = 'Asia/Shanghai';

  /** Earliest business date accepted anywhere (records, reports, deadlines, imports), YYYY-MM-DD. */
  @IsOptional() @Matches(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a YYYY-MM-DD date from 1900 on' })
  BUSINESS_DATE_MIN?: string = '2000-01-01';

  /** Latest business date accepted: December 31 of the current year plus this many years. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(100)
  BUSINESS_YEARS_AHEAD?: number = 10;

  /** Day of month M+1 by which the monthly report for month M is due. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(28)
  MONTHLY_REPORT_DUE_DAY?: number = 5;

  /** Days units may dispute their draft ranking after the office opens a quarter's review stage. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60)
  QUARTER_DISPUTE_DAYS?: number = 5;

  /** A placement dated more than this many days before its article was submitted gets a warning. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3650)
  PLACEMENT_EARLY_MARGIN_DAYS?: number = 7;

  /** Attempts per queued job before it is marked failed (retries back off exponentially). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(20)
  JOB_ATTEMPTS?: number = 3;

  /** First retry delay of a failed job, in milliseconds (doubles each attempt). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3600000)
  JOB_BACKOFF_MS?: number = 2000;

  /** Bull: how long a worker holds a job before another may take it over (a killed worker's job restarts after this). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(600000)
  JOB_LOCK_MS?: number = 30000;

  /** Days before a monthly report's due date or a 约稿 deadline that units are reminded (0 = only on the day). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(30)
  REMINDER_DAYS_BEFORE?: number = 3;

  /** `smtp://user:pass@host:587` or `smtps://…:465` to send reminders by e-mail; empty = no e-mail. */
  @IsOptional() @Matches(/^smtps?:\/\/.+/, { message: 'must look like smtp://user:pass@host:587 or smtps://user:pass@host:465' })
  SMTP_URL?: string;

  /** Sender of reminder e-mails (`宣传信息计分系统 <pubscore@example.gov.cn>`). */
  @IsOptional() @IsString()
  MAIL_FROM?: string = 'pubscore <pubscore@localhost>';

  /** 企业微信 group robot webhook (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…); empty = none. */
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  WECOM_WEBHOOK_URL?: string;

  /** 钉钉 group robot webhook (https://oapi.dingtalk.com/robot/send?access_token=…); empty = none. */
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL' })
  DINGTALK_WEBHOOK_URL?: string;

  /** The 钉钉 robot's 加签 secret (SEC…); empty = the robot is not signed. */
  @IsOptional() @IsString()
  DINGTALK_SECRET?: string;

  /** Largest accepted upload (evidence, spreadsheets), in megabytes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  UPLOAD_MAX_MB?: number = 20;

  /** pino log level. */
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
}
