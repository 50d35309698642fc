import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, envKeys, parseConfig } from './app-config';
import { EnvDto } from './env.dto';

// existsSync stays the real one unless a test says otherwise (the start-up race below).
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return { ...actual, existsSync: jest.fn(actual.existsSync) };
});

const repo = path.resolve(__dirname, '../../../..');
const SECRET = 'x'.repeat(40);

describe('parseConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-config-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the embedded defaults for an empty environment', () => {
    // SESSION_SECRET is set so that parsing writes no secret file into ./data.
    const config = parseConfig({ SESSION_SECRET: SECRET });
    expect(config.http).toEqual({ port: 3000, host: '0.0.0.0', publicOrigins: [], trustProxy: ['loopback'] });
    expect(config.role).toBe('all');
    expect(config.queue).toEqual({ mode: 'inline' });
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.database).toEqual({ type: 'sqlite', file: path.join(path.resolve('data'), 'pubscore.sqlite') });
    expect(config.login).toEqual({ freeFailures: 5, delaySeconds: 30, maxDelayMinutes: 15 });
    expect(config.passwords).toEqual({ minLength: 10, minClasses: 3, history: 5, maxAgeDays: 0, hashCost: 10 });
    expect(config.session.idleMinutes).toBe(30);
    expect(config.audit.retentionDays).toBe(180);
    expect(config.business).toMatchObject({ timeZone: 'Asia/Shanghai', dateMin: '2000-01-01', yearsAhead: 10 });
    expect(config.uploads.maxBytes).toBe(20 * 1024 * 1024);
  });

  it('keeps the SQLite file under DATA_DIR', () => {
    const config = parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET });
    expect(config.database).toEqual({ type: 'sqlite', file: path.join(dataDir, 'pubscore.sqlite') });
  });

  it('generates the session secret once and keeps it beside the data', () => {
    const first = parseConfig({ DATA_DIR: dataDir }).session.secret;
    const second = parseConfig({ DATA_DIR: dataDir }).session.secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect(fs.statSync(path.join(dataDir, 'session.secret')).mode & 0o777).toBe(0o600);
  });

  it('keeps the secret another process wrote first when several start at once on a shared DATA_DIR', () => {
    // The other process wrote its secret after this one found no file and before it wrote its own.
    fs.writeFileSync(path.join(dataDir, 'session.secret'), SECRET, { mode: 0o600 });
    jest.mocked(fs.existsSync).mockReturnValueOnce(false);
    expect(parseConfig({ DATA_DIR: dataDir }).session.secret).toBe(SECRET);
    expect(fs.readFileSync(path.join(dataDir, 'session.secret'), 'utf8')).toBe(SECRET);
    expect(fs.readdirSync(dataDir)).toEqual(['session.secret']);
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, PORT: '', REDIS_URL: '' })).toMatchObject({ http: { port: 3000 }, queue: { mode: 'inline' } });
  });

  it('switches to Bull when REDIS_URL is set, and to MySQL with DATABASE_URL', () => {
    const config = parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'mysql://u:p@db:3306/pubscore' });
    expect(config.queue).toEqual({ mode: 'bull', redisUrl: 'redis://127.0.0.1:6379', prefix: 'pubscore' });
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://u:p@db:3306/pubscore' });
  });

  it('converts numbers and booleans', () => {
    const config = parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, PORT: '8080', DEMO_MODE: 'false', DEMO_SEED: '0', UPLOAD_MAX_MB: '2', LOGIN_FREE_FAILURES: '3' });
    expect(config.http.port).toBe(8080);
    expect(config.demo).toMatchObject({ mode: false, seed: false });
    expect(config.uploads.maxBytes).toBe(2 * 1024 * 1024);
    expect(config.login.freeFailures).toBe(3);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'postgres://x'],
    ['REDIS_URL', 'localhost:6379'],
    ['APP_ROLE', 'web'],
    ['SESSION_SECRET', 'short'],
    ['DEMO_MODE', 'maybe'],
    ['AUDIT_RETENTION_DAYS', '90'],
    ['BUSINESS_TIME_ZONE', 'Mars/Olympus'],
    ['BUSINESS_DATE_MIN', '0000-01-01'],
    ['BUSINESS_DATE_MIN', '2026-02-30'],
    ['BUSINESS_DATE_MIN', '2999-01-01'],
    ['BUSINESS_YEARS_AHEAD', '101'],
    ['LOG_LEVEL', 'loud'],
    ['PUBLIC_ORIGIN', 'pubscore.example.gov.cn'],
    ['PUBLIC_ORIGIN', 'https://pubscore.example.gov.cn/app'],
    ['PUBLIC_ORIGIN', 'ftp://pubscore.example.gov.cn'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '10.0.0.0/40'],
    ['TRUST_PROXY', 'nginx'],
    ['PASSWORD_HASH_COST', '3'],
    ['PASSWORD_HASH_COST', '16'],
  ])('refuses %s=%s with an error naming the variable', (key, value) => {
    const parse = () => parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, [key]: value });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(new RegExp(`${key}=`));
    // One line, so that the boot failure is one line too.
    expect(() => parse()).not.toThrow(/\n/);
  });

  it('reads the public origins and the trusted proxies', () => {
    const config = parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, PUBLIC_ORIGIN: 'https://pubscore.example.gov.cn, http://10.2.3.4:8080/', TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' });
    expect(config.http.publicOrigins).toEqual(['https://pubscore.example.gov.cn', 'http://10.2.3.4:8080']);
    expect(config.http.trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
  });

  it('never prints a secret or a URL password in the error', () => {
    const secret = () => parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'tooshort-but-secret' });
    expect(secret).toThrow(/SESSION_SECRET=\(hidden, 19 characters\): must be at least 32 characters/);
    expect(secret).not.toThrow(/tooshort-but-secret/);
    const url = () => parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, DATABASE_URL: 'postgres://pubscore:hunter2@db:5432/pubscore' });
    expect(url).toThrow('DATABASE_URL="postgres://pubscore:***@db:5432/pubscore"');
    expect(url).not.toThrow(/hunter2/);
  });

  it('ignores variables it does not know', () => {
    expect(parseConfig({ DATA_DIR: dataDir, SESSION_SECRET: SECRET, HOME: '/root', PATH: '/bin' }).http.port).toBe(3000);
  });
});

describe('documented settings', () => {
  const keys = envKeys();
  const defaults = new EnvDto() as unknown as Record<string, unknown>;
  const withDefault = keys.filter((k) => defaults[k] !== undefined);

  it('lists the settings the loader reads', () => {
    // A floor, so that the checks below cannot pass on an empty list.
    expect(keys).toEqual(expect.arrayContaining(['PORT', 'DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'LOGIN_FREE_FAILURES', 'UPLOAD_MAX_MB']));
  });

  it('config/.env.example shows every setting as a commented line with its default', () => {
    const example = fs.readFileSync(path.join(repo, 'config/.env.example'), 'utf8');
    const missing = keys.filter((k) => !new RegExp(`^# ${k}=`, 'm').test(example));
    expect(missing).toEqual([]);
    const wrongDefault = withDefault.filter((k) => !example.split('\n').includes(`# ${k}=${String(defaults[k])}`));
    expect(wrongDefault).toEqual([]);
    // Nothing is set by default: every assignment is commented out.
    expect(example.split('\n').filter((l) => /^[A-Z_]+=/.test(l))).toEqual([]);
  });

  it('the README settings table names every setting', () => {
    // README.md is the quick start; its settings table must keep up with the config schema.
    const readmePath = path.join(repo, 'README.md');
    expect(fs.existsSync(readmePath)).toBe(true);
    const readme = fs.readFileSync(readmePath, 'utf8');
    // A table row (a line starting with `|`) that names the key as a whole word.
    const rows = readme.split('\n').filter((line) => line.startsWith('|'));
    const rowOf = (k: string) => rows.find((row) => new RegExp(`\\b${k}\\b`).test(row));
    expect(keys.filter((k) => !rowOf(k))).toEqual([]);
    // …and shows the schema's default in that row, as `value`.
    expect(withDefault.filter((k) => !rowOf(k)!.includes(`\`${String(defaults[k])}\``))).toEqual([]);
  });
});
