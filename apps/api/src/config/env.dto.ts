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

  /** Failed logins in a row after which an account is locked. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES?: number = 5;

  /** How long a locked account stays locked, in minutes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1440)
  LOGIN_LOCK_MINUTES?: number = 15;

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

  /** Largest accepted upload (evidence, spreadsheets), in megabytes. */
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200)
  UPLOAD_MAX_MB?: number = 20;

  /** pino log level. */
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';
}
