// Sessions, login throttling, password policy and account administration (issue #2 item 6,
// issue #11 security baseline). LOGIN_FREE_FAILURES=3 keeps the hold-offs quick; the throttle
// tests use accounts created here so that holding them off cannot disturb the other tests.
// Login is also capped at 30 a minute per client address (per process), so tests that log in
// often send their own X-Forwarded-For (the app trusts it from loopback, as behind a proxy).
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditEntry } from '../../apps/api/src/audit/audit-entry.entity';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { LoginThrottle } from '../../apps/api/src/auth/login-throttle.entity';
import { Session } from '../../apps/api/src/auth/session.entity';
import { User } from '../../apps/api/src/users/user.entity';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/app';

const INITIAL = 'Start-12345';
const AGENT = 'pubscore-e2e/1.0';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(testBackends('auth'))('auth ($label)', (backend) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { LOGIN_FREE_FAILURES: '3', LOGIN_DELAY_SECONDS: '60', LOGIN_MAX_DELAY_MINUTES: '3', PASSWORD_MAX_AGE_DAYS: '90' });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, password: string, from?: string) => {
    const req = t.http().post('/api/auth/login').set('User-Agent', AGENT);
    return (from ? req.set('X-Forwarded-For', from) : req).send({ username, password });
  };
  const repo = <E extends object>(entity: new () => E) => t.app.get(DataSource).getRepository(entity);

  async function createUser(username: string, role = 'leader', extra: Record<string, unknown> = {}) {
    const res = await t.http().post('/api/users').set(bearer(admin)).send({ username, displayName: `测试 ${username}`, role, password: INITIAL, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: number; mustChangePassword: boolean };
  }

  /** Audit entries of `action` for `username`, newest first (the admin reads the log). */
  async function auditOf(username: string, action: string) {
    const res = await t.http().get('/api/audit').query({ username, action, pageSize: 50 }).set(bearer(admin));
    expect(res.status).toBe(200);
    return res.body.items as AuditEntry[];
  }

  describe('sessions', () => {
    it('logs in with a cookie (httpOnly, enough on its own) and a Bearer token', async () => {
      const res = await login('  Leader ', DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ username: 'leader', role: 'leader', unitId: null, mustChangePassword: false });
      const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('pubscore_session='));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      const value = cookie!.split(';')[0];
      expect(value).toBe(`pubscore_session=${res.body.token}`);

      const me = await t.http().get('/api/auth/me').set('Cookie', value);
      expect(me.status).toBe(200);
      expect(me.body.username).toBe('leader');
      expect((await t.http().get('/api/units').set('Cookie', value)).status).toBe(200);
      const viaBearer = await t.http().get('/api/auth/me').set(bearer(res.body.token));
      expect(viaBearer.status).toBe(200);
      expect(viaBearer.body.username).toBe('leader');
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      for (const [username, password] of [['reviewer', 'Wrong-12345'], ['nobody', DEMO_PASSWORD]]) {
        const res = await login(username, password);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: '用户名或密码错误', errors: {} });
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    });

    it('answers 401 unauthorized without a token and invalid_token for a garbled one', async () => {
      const none = await t.http().get('/api/units');
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
      const garbled = await t.http().get('/api/units').set(bearer('not-a-token'));
      expect(garbled.status).toBe(401);
      expect(garbled.body.code).toBe('invalid_token');
    });

    it('refuses an expired token and one signed with another secret', async () => {
      const jwt = new JwtService();
      const claims = jwt.decode<{ sub: number; tv: number; sid: number }>(admin);
      const now = Math.floor(Date.now() / 1000);
      const sign = (exp: number, secret = t.config.session.secret) => jwt.sign({ sub: claims.sub, tv: claims.tv, sid: claims.sid, iat: exp - 3600, exp }, { secret });

      // The same claims, still valid: proves the test signs tokens the way the server does.
      const valid = await t.http().get('/api/auth/me').set(bearer(sign(now + 600)));
      expect(valid.status).toBe(200);
      expect(valid.body.username).toBe('admin');

      const expired = await t.http().get('/api/auth/me').set(bearer(sign(now - 60)));
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('invalid_token');
      const forged = await t.http().get('/api/auth/me').set(bearer(sign(now + 600, 'another-secret-another-secret-another-secret')));
      expect(forged.status).toBe(401);
      expect(forged.body.code).toBe('invalid_token');
    });

    it('logout ends the session: the old token is refused and the cookie cleared', async () => {
      const token = await t.login('officer');
      const out = await t.http().post('/api/auth/logout').set(bearer(token));
      expect(out.status).toBe(204);
      expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(/pubscore_session=;.*Expires=Thu, 01 Jan 1970/);
      const after = await t.http().get('/api/auth/me').set(bearer(token));
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('invalid_token');
    });

    it('an account switched off in the database loses its session at the next request', async () => {
      const { id } = await createUser('sessionoff');
      const res = await login('sessionoff', INITIAL);
      const token = res.body.token as string;
      await expect(t.http().get('/api/auth/me').set(bearer(token))).resolves.toMatchObject({ status: 200, body: { id, mustChangePassword: true } });
      // Only `active` changes (the token version stays): the guard reads the row on every request.
      await t.app.get(DataSource).getRepository(User).update(id, { active: false });
      const after = await t.http().get('/api/auth/me').set(bearer(token));
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('invalid_token');
    });
  });

  describe('login throttling', () => {
    afterEach(() => t.clock.release());
    it('failures from one address hold off that address only: the owner still logs in from another', async () => {
      // Time stands still: on a loaded machine a second passed between the failure and the
      // next attempt, and the message said "59 秒" instead of "1 分钟".
      t.clock.set(new Date());
      await createUser('thr1');
      for (let i = 0; i < 3; i++) expect((await login('thr1', 'Wrong-12345', '203.0.113.5')).status).toBe(401);
      const held = await login('thr1', INITIAL, '203.0.113.5');
      expect(held.status).toBe(429);
      expect(held.body).toEqual({ statusCode: 429, code: 'login_throttled', message: '登录失败次数过多，请 1 分钟后再试', errors: {} });
      expect(held.headers['retry-after']).toBe('60');
      // The owner, elsewhere, is not affected.
      const owner = await login('thr1', INITIAL, '198.51.100.7');
      expect(owner.status).toBe(200);
      // Nor does the owner's success lift the hold-off on the guessing address.
      expect((await login('thr1', INITIAL, '203.0.113.5')).status).toBe(429);
    });

    it('each further failure doubles the hold-off, up to LOGIN_MAX_DELAY_MINUTES', async () => {
      await createUser('thr2');
      for (let i = 0; i < 3; i++) expect((await login('thr2', 'Wrong-12345', '203.0.113.6')).status).toBe(401);
      const waits: (string | number)[] = [];
      for (let i = 0; i < 3; i++) {
        // The hold-off has run out (moved into the past rather than waited for): one more guess.
        await repo(LoginThrottle).update({ username: 'thr2' }, { heldUntil: new Date(Date.now() - 1000) });
        expect((await login('thr2', 'Wrong-12345', '203.0.113.6')).status).toBe(401);
        waits.push((await login('thr2', 'Wrong-12345', '203.0.113.6')).body.message);
        const row = await repo(LoginThrottle).findOneByOrFail({ username: 'thr2' });
        waits.push((row.heldUntil!.getTime() - row.lastFailureAt.getTime()) / 1000);
      }
      expect(waits).toEqual(['登录失败次数过多，请 2 分钟后再试', 120, '登录失败次数过多，请 3 分钟后再试', 180, '登录失败次数过多，请 3 分钟后再试', 180]);
    });

    it('attempts sent all at once get no more than the free failures', async () => {
      await createUser('thr3');
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => login('thr3', 'Wrong-12345', '203.0.113.7')));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    });

    it('unknown usernames are answered and held off exactly like known ones', async () => {
      t.clock.set(new Date()); // the two runs compare their wait messages: no second may pass between them
      const answers = [];
      for (const username of ['thr4', 'nosuchuser']) {
        if (username === 'thr4') await createUser('thr4');
        const seen = [];
        for (let i = 0; i < 4; i++) {
          const res = await login(username, 'Wrong-12345', '203.0.113.8');
          seen.push({ status: res.status, body: res.body, retryAfter: res.headers['retry-after'] });
        }
        answers.push(seen);
      }
      expect(answers[0].map((a) => a.status)).toEqual([401, 401, 401, 429]);
      expect(answers[1]).toEqual(answers[0]);
    });

    it('a success from the same address clears its count', async () => {
      await createUser('thr5');
      expect((await login('thr5', 'Wrong-12345', '203.0.113.9')).status).toBe(401);
      expect((await login('thr5', 'Wrong-12345', '203.0.113.9')).status).toBe(401);
      expect((await login('thr5', INITIAL, '203.0.113.9')).status).toBe(200);
      // Four failures in all, but never three since the success: not held off.
      expect((await login('thr5', 'Wrong-12345', '203.0.113.9')).status).toBe(401);
      expect((await login('thr5', 'Wrong-12345', '203.0.113.9')).status).toBe(401);
      expect((await login('thr5', INITIAL, '203.0.113.9')).status).toBe(200);
    });

    it('an admin unlocks the account: every hold-off on it ends', async () => {
      const users = await t.http().get('/api/users?q=thr1').set(bearer(admin));
      const thr1 = users.body.items.find((u: { username: string }) => u.username === 'thr1');
      expect(thr1.throttledUntil).not.toBeNull();
      const unlock = await t.http().post(`/api/users/${thr1.id}/unlock`).set(bearer(admin));
      expect(unlock.status).toBe(200);
      expect(unlock.body).toMatchObject({ username: 'thr1', throttledUntil: null });
      expect((await login('thr1', INITIAL, '203.0.113.5')).status).toBe(200);
      const [entry] = await auditOf('admin', 'unlock');
      expect(entry).toMatchObject({ entity: 'user', entityId: String(thr1.id), after: { cleared: 1 } });
      const leader = await t.login('leader');
      expect((await t.http().post(`/api/users/${thr1.id}/unlock`).set(bearer(leader))).status).toBe(403);
    });
  });

  describe('sessions and devices', () => {
    it('lists the sessions of the caller with device, address and times; ends another and then all others', async () => {
      await createUser('dev1');
      const first = await login('dev1', INITIAL, '192.0.2.1');
      const token1 = (await t.http().post('/api/auth/password').set(bearer(first.body.token)).send({ currentPassword: INITIAL, newPassword: 'Devices-2026' })).body.token as string;
      const token2 = (await login('dev1', 'Devices-2026', '192.0.2.2')).body.token as string;
      const token3 = (await login('dev1', 'Devices-2026', '192.0.2.3')).body.token as string;

      const list = await t.http().get('/api/auth/sessions').set(bearer(token2));
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(3);
      expect(list.body.map((s: { address: string; current: boolean }) => [s.address, s.current])).toEqual([['192.0.2.3', false], ['192.0.2.2', true], ['127.0.0.1', false]]);
      expect(list.body[0]).toMatchObject({ userAgent: AGENT, createdAt: expect.any(String), lastSeenAt: expect.any(String) });

      const third = list.body[0].id as number;
      expect((await t.http().delete(`/api/auth/sessions/${third}`).set(bearer(token2))).status).toBe(204);
      const after = await t.http().get('/api/auth/me').set(bearer(token3));
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('invalid_token');
      expect((await t.http().delete(`/api/auth/sessions/${third}`).set(bearer(token2))).status).toBe(404);
      // Another user's session cannot be ended.
      const leaderSessions = await t.http().get('/api/auth/sessions').set(bearer(admin));
      expect((await t.http().delete(`/api/auth/sessions/${leaderSessions.body[0].id}`).set(bearer(token2))).status).toBe(404);

      const others = await t.http().delete('/api/auth/sessions').set(bearer(token2));
      expect(others.status).toBe(200);
      expect(others.body).toEqual({ ended: 1 });
      expect((await t.http().get('/api/auth/me').set(bearer(token1))).status).toBe(401);
      expect((await t.http().get('/api/auth/me').set(bearer(token2))).status).toBe(200);
      expect((await auditOf('dev1', 'session-end')).length).toBe(1);
    });

    it('a session unused for SESSION_IDLE_MINUTES ends; activity keeps it alive', async () => {
      const token = await t.login('office');
      const me = await t.http().get('/api/auth/me').set(bearer(token));
      const sid = new JwtService().decode<{ sid: number }>(token).sid;
      expect(me.status).toBe(200);
      // 29 minutes without a request: still alive, and the request moves lastSeenAt forward.
      await repo(Session).update(sid, { lastSeenAt: new Date(Date.now() - 29 * MINUTE) });
      expect((await t.http().get('/api/auth/me').set(bearer(token))).status).toBe(200);
      const touched = await repo(Session).findOneByOrFail({ id: sid });
      expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(5 * MINUTE);
      // 31 minutes: over.
      await repo(Session).update(sid, { lastSeenAt: new Date(Date.now() - 31 * MINUTE) });
      const idle = await t.http().get('/api/auth/me').set(bearer(token));
      expect(idle.status).toBe(401);
      expect(idle.body).toMatchObject({ code: 'session_idle', message: '长时间未操作，登录已失效，请重新登录' });
    });

    it('a session past its absolute end is refused even when active', async () => {
      const token = await t.login('leader');
      const sid = new JwtService().decode<{ sid: number }>(token).sid;
      await repo(Session).update(sid, { expiresAt: new Date(Date.now() - 1000) });
      expect((await t.http().get('/api/auth/me').set(bearer(token))).status).toBe(401);
    });
  });

  describe('password policy', () => {
    let token: string;
    beforeAll(async () => {
      await createUser('pwuser');
      token = (await login('pwuser', INITIAL, '192.0.2.10')).body.token as string;
    });
    const change = (currentPassword: string, newPassword: string) =>
      t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword, newPassword });

    it.each([
      ['Short-1', '密码长度不能少于 10 个字符'],
      ['lowercase-only', '密码须包含小写字母、大写字母、数字、符号中的至少 3 类'],
      ['1234567890ab', '密码须包含小写字母、大写字母、数字、符号中的至少 3 类'],
      ['My-pwuser-2026', '密码不能包含用户名'],
      // 73 bytes: bcrypt would ignore the last one, so it is refused rather than cut.
      [`Aa1!${'x'.repeat(69)}`, '密码不能超过 72 字节（一个汉字按 3 字节计）'],
      [`Aa1!${'密'.repeat(23)}`, '密码不能超过 72 字节（一个汉字按 3 字节计）'],
    ])('refuses %s with a field error', async (weak, message) => {
      const res = await change(INITIAL, weak);
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ statusCode: 422, code: 'validation_failed', message: '提交的内容有误，请按提示修改', errors: { newPassword: message } });
    });

    it('accepts 72 bytes exactly and refuses the last five passwords', async () => {
      const long = `Aa1!${'密'.repeat(22)}`;
      let current = INITIAL;
      for (const next of ['Second-2026', 'Third-2026', long, 'Fourth-2026']) {
        const res = await change(current, next);
        expect(res.status).toBe(200);
        token = res.body.token;
        current = next;
      }
      expect((await login('pwuser', long, '192.0.2.10')).status).toBe(401);
      for (const old of [INITIAL, 'Second-2026', long]) {
        const res = await change(current, old);
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual({ newPassword: '新密码不能与最近 5 次使用过的密码相同' });
      }
      expect((await change(current, 'Fifth-2026x')).status).toBe(200);
    });

    it('without separation of duties the security administrator and auditor roles cannot be given', async () => {
      const res = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'noaudit', displayName: '审计', role: 'auditor', password: INITIAL });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ role: '未实行三员分立，不能设置此角色' });
      await expect(t.login('auditor')).rejects.toThrow(/login auditor failed: 401/);
    });

    it('an admin cannot set a password that breaks the policy either', async () => {
      const res = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'weakone', displayName: '弱密码', role: 'leader', password: 'weakone-Pass1' });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({ password: '密码不能包含用户名' });
    });

    it('a password older than PASSWORD_MAX_AGE_DAYS must be changed at login', async () => {
      const { id } = await createUser('aged');
      const first = (await login('aged', INITIAL, '192.0.2.11')).body.token as string;
      expect((await t.http().post('/api/auth/password').set(bearer(first)).send({ currentPassword: INITIAL, newPassword: 'Older-2026x' })).status).toBe(200);
      await repo(User).update(id, { passwordChangedAt: new Date(Date.now() - 91 * DAY) });
      const res = await login('aged', 'Older-2026x', '192.0.2.11');
      expect(res.status).toBe(200);
      expect(res.body.user.mustChangePassword).toBe(true);
      const units = await t.http().get('/api/units').set(bearer(res.body.token));
      expect(units.status).toBe(403);
      expect(units.body).toMatchObject({ code: 'password_change_required', message: '密码已过期，请先修改密码' });
      const changed = await t.http().post('/api/auth/password').set(bearer(res.body.token)).send({ currentPassword: 'Older-2026x', newPassword: 'Renewed-2026' });
      expect(changed.status).toBe(200);
      expect(changed.body.user.mustChangePassword).toBe(false);
      expect((await t.http().get('/api/units').set(bearer(changed.body.token))).status).toBe(200);
    });
  });

  describe('audit of security events', () => {
    it('records logins, failures, hold-offs, password and role changes and exports with address and user agent', async () => {
      const { id } = await createUser('audited');
      expect((await login('audited', 'Wrong-12345', '198.51.100.20')).status).toBe(401);
      expect((await login('nobody-here', 'Wrong-12345', '198.51.100.20')).status).toBe(401);
      const ok = await login('audited', INITIAL, '198.51.100.21');
      expect((await t.http().post('/api/auth/password').set(bearer(ok.body.token)).set('X-Forwarded-For', '198.51.100.21').set('User-Agent', AGENT).send({ currentPassword: INITIAL, newPassword: 'Watched-2026' })).status).toBe(200);
      expect((await t.http().patch(`/api/users/${id}`).set(bearer(admin)).set('X-Forwarded-For', '198.51.100.22').send({ role: 'office' })).status).toBe(200);
      expect((await t.http().patch(`/api/users/${id}`).set(bearer(admin)).send({ active: false })).status).toBe(200);
      const office = await t.login('office');
      expect((await t.http().get('/api/articles/export.xlsx').set(bearer(office)).set('X-Forwarded-For', '198.51.100.23').set('User-Agent', AGENT)).status).toBe(200);

      expect(await auditOf('audited', 'login-failed')).toEqual([expect.objectContaining({ userId: id, address: '198.51.100.20', userAgent: AGENT })]);
      expect(await auditOf('nobody-here', 'login-failed')).toEqual([expect.objectContaining({ userId: null, address: '198.51.100.20', userAgent: AGENT })]);
      expect(await auditOf('audited', 'login')).toEqual([expect.objectContaining({ userId: id, entity: 'session', address: '198.51.100.21', userAgent: AGENT })]);
      expect(await auditOf('audited', 'password')).toEqual([expect.objectContaining({ address: '198.51.100.21', userAgent: AGENT })]);
      expect(await auditOf('admin', 'role')).toEqual([expect.objectContaining({ entityId: String(id), address: '198.51.100.22', before: expect.objectContaining({ role: 'leader' }), after: expect.objectContaining({ role: 'office' }) })]);
      expect(await auditOf('admin', 'disable')).toEqual([expect.objectContaining({ entityId: String(id) })]);
      expect((await auditOf('admin', 'create')).map((e) => e.entityId)).toContain(String(id));
      const unit = (await t.http().get('/api/units?q=LJJD').set(bearer(office))).body.items[0];
      expect((await t.http().get('/api/scores/statement.xlsx').query({ unitId: unit.id, quarter: '2026-Q1' }).set(bearer(office)).set('X-Forwarded-For', '198.51.100.24')).status).toBe(200);
      expect(await auditOf('office', 'export')).toEqual([
        expect.objectContaining({ entity: 'statement', entityId: String(unit.id), address: '198.51.100.24', after: { quarter: '2026-Q1' } }),
        expect.objectContaining({ entity: 'articles', address: '198.51.100.23', userAgent: AGENT }),
      ]);
      for (let i = 0; i < 3; i++) await login('ghost-user', 'Wrong-12345', '198.51.100.25');
      expect((await login('ghost-user', 'Wrong-12345', '198.51.100.25')).status).toBe(429);
      expect(await auditOf('ghost-user', 'login-throttled')).toEqual([expect.objectContaining({ userId: null, address: '198.51.100.25', userAgent: AGENT })]);
    });

    it('keeps entries for AUDIT_RETENTION_DAYS (180) and purges older ones', async () => {
      const entries = repo(AuditEntry);
      const make = async (daysAgo: number) => {
        await entries.insert({ officeId: 1, userId: null, username: `aged-${daysAgo}`, action: 'test', entity: 'x', entityId: '1', address: null, userAgent: null });
        const row = await entries.findOneByOrFail({ username: `aged-${daysAgo}` });
        await entries.createQueryBuilder().update().set({ createdAt: new Date(Date.now() - daysAgo * DAY) }).where('id = :id', { id: row.id }).execute();
      };
      await make(179);
      await make(181);
      expect(await t.app.get(AuditService).purgeExpired()).toBe(1);
      expect((await entries.findBy({ action: 'test' })).map((e) => e.username)).toEqual(['aged-179']);
    });
  });

  describe('passwords and accounts', () => {
    it('a new account must change its password before anything else', async () => {
      const created = await createUser('newleader');
      expect(created.mustChangePassword).toBe(true);
      const first = await login('newleader', INITIAL);
      expect(first.status).toBe(200);
      expect(first.body.user.mustChangePassword).toBe(true);
      const token = first.body.token as string;

      const units = await t.http().get('/api/units').set(bearer(token));
      expect(units.status).toBe(403);
      expect(units.body.code).toBe('password_change_required');
      expect((await t.http().get('/api/auth/me').set(bearer(token))).status).toBe(200);

      const wrongCurrent = await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'Wrong-12345', newPassword: 'Better-5678' });
      expect(wrongCurrent.status).toBe(422);
      expect(wrongCurrent.body).toMatchObject({ code: 'validation_failed', errors: { currentPassword: '当前密码不正确' } });
      for (const weak of ['Ab1', 'abcdefghij', '1234567890']) {
        const res = await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: INITIAL, newPassword: weak });
        expect(res.status).toBe(422);
        expect(Object.keys(res.body.errors)).toEqual(['newPassword']);
      }
      const same = await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: INITIAL, newPassword: INITIAL });
      expect(same.status).toBe(422);
      expect(same.body.errors.newPassword).toBeDefined();
      // None of the refused attempts changed the password.
      const stillInitial = await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: INITIAL, newPassword: 'Better-5678' });
      expect(stillInitial.status).toBe(200);
      expect(stillInitial.body.user.mustChangePassword).toBe(false);

      // The change ends the old session and hands out a new one.
      expect((await t.http().get('/api/auth/me').set(bearer(token))).status).toBe(401);
      expect((await t.http().get('/api/units').set(bearer(stillInitial.body.token))).status).toBe(200);
      expect((await login('newleader', INITIAL)).status).toBe(401);
      const again = await login('newleader', 'Better-5678');
      expect(again.status).toBe(200);
      expect(again.body.user.mustChangePassword).toBe(false);
    });

    it('an admin resets a password: old sessions end, the new one is temporary', async () => {
      const created = await createUser('resetme');
      const before = (await login('resetme', INITIAL)).body.token as string;
      const reset = await t.http().post(`/api/users/${created.id}/reset-password`).set(bearer(admin)).send({ password: 'Temp-98765' });
      expect(reset.status).toBe(200);
      expect((await t.http().get('/api/auth/me').set(bearer(before))).status).toBe(401);
      expect((await login('resetme', INITIAL)).status).toBe(401);
      const after = await login('resetme', 'Temp-98765');
      expect(after.status).toBe(200);
      expect(after.body.user.mustChangePassword).toBe(true);
      const weak = await t.http().post(`/api/users/${created.id}/reset-password`).set(bearer(admin)).send({ password: 'short' });
      expect(weak.status).toBe(422);
      expect(weak.body.errors.password).toBeDefined();
    });

    it('binds officers to a unit and refuses a duplicate username', async () => {
      const units = await t.http().get('/api/units?q=LJJD').set(bearer(admin));
      const ljjd = units.body.items[0];
      const noUnit = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'off9', displayName: '信息员', role: 'officer', password: INITIAL });
      expect(noUnit.status).toBe(400);
      expect(noUnit.body.errors.unitId).toBeDefined();
      const officer = await createUser('off9', 'officer', { unitId: ljjd.id });
      expect(officer).toMatchObject({ role: 'officer', unitId: ljjd.id });
      const dup = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'OFF9', displayName: '重复', role: 'leader', password: INITIAL });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'duplicate_username', errors: { username: '用户名已存在' } });
    });

    it.each(['office', 'leader'])('%s cannot create users or list them', async (username) => {
      const token = await t.login(username);
      const create = await t.http().post('/api/users').set(bearer(token)).send({ username: `by${username}`, displayName: '越权', role: 'admin', password: INITIAL });
      expect(create.status).toBe(403);
      expect(create.body.code).toBe('forbidden');
      expect((await t.http().get('/api/users').set(bearer(token))).status).toBe(403);
      const list = await t.http().get(`/api/users?q=by${username}`).set(bearer(admin));
      expect(list.body.total).toBe(0);
    });
  });
});

// Outside demo mode the printed demo password only opens the door to changing it. Its own
// suite name: a second app must not share (and recreate) the database of the one above.
describe.each(testBackends('auth_real_install'))('auth outside demo mode ($label)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, { DEMO_MODE: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('seeded accounts must change the printed password first', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: 'office', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const units = await t.http().get('/api/units').set(bearer(res.body.token));
    expect(units.status).toBe(403);
    expect(units.body.code).toBe('password_change_required');
    const changed = await t.http().post('/api/auth/password').set(bearer(res.body.token)).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Desk-2026x' });
    expect(changed.status).toBe(200);
    expect((await t.http().get('/api/units').set(bearer(changed.body.token))).status).toBe(200);
  });
});

// Two API processes on one database, as behind a load balancer: the failures counted by one
// hold off attempts arriving at the other. Its own suite name (own database).
describe.each(testBackends('auth_two_processes'))('login throttling across processes ($label)', (backend) => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await createTestApp(backend, { LOGIN_FREE_FAILURES: '3' });
    second = await createTestApp(backend, { LOGIN_FREE_FAILURES: '3' }, { shareWith: first });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('failures counted by one process hold off the attempts at the other', async () => {
    const attempt = (app: TestApp, password: string) => app.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.50').send({ username: 'leader', password });
    expect((await attempt(first, 'Wrong-12345')).status).toBe(401);
    expect((await attempt(second, 'Wrong-12345')).status).toBe(401);
    expect((await attempt(first, 'Wrong-12345')).status).toBe(401);
    const held = await attempt(second, DEMO_PASSWORD);
    expect(held.status).toBe(429);
    expect(held.body.code).toBe('login_throttled');
    expect((await attempt(first, DEMO_PASSWORD)).status).toBe(429);
    // And a session started at one process is known to the other.
    const token = await first.login('leader');
    expect((await second.http().get('/api/auth/me').set(bearer(token))).status).toBe(200);
  });
});

// 三员分立 (SEPARATION_OF_DUTIES): the admin's powers split among the system administrator,
// the security administrator and the auditor. Its own suite name (own database).
describe.each(testBackends('auth_duties'))('separation of duties ($label)', (backend) => {
  let t: TestApp;
  let admin: string;
  let secadmin: string;
  let auditor: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { SEPARATION_OF_DUTIES: 'true', LOGIN_FREE_FAILURES: '3' });
    [admin, secadmin, auditor] = [await t.login('admin'), await t.login('secadmin'), await t.login('auditor')];
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the auditor reads the audit log and nothing else; the admin no longer reads it', async () => {
    expect((await t.http().get('/api/audit').set(bearer(auditor))).status).toBe(200);
    const adminAudit = await t.http().get('/api/audit').set(bearer(admin));
    expect(adminAudit.status).toBe(403);
    expect(adminAudit.body.message).toBe('已实行三员分立：审计日志由安全审计员查看');
    for (const url of ['/api/articles', '/api/units', '/api/users', '/api/scores/ranking?quarter=2026-Q1', '/api/notices']) {
      expect([url, (await t.http().get(url).set(bearer(auditor))).status]).toEqual([url, 403]);
    }
    // Its own account still works: sessions, notifications, password.
    expect((await t.http().get('/api/auth/sessions').set(bearer(auditor))).status).toBe(200);
    expect((await t.http().get('/api/notifications').set(bearer(auditor))).status).toBe(200);
  });

  it('roles and unlocks are the security administrator\'s; account details the admin\'s', async () => {
    const created = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'dutyuser', displayName: '分立测试', role: 'leader', password: INITIAL });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    // The admin cannot make anyone a security administrator or auditor, nor change a role.
    const makeAuditor = await t.http().post('/api/users').set(bearer(admin)).send({ username: 'dutyaud', displayName: '审计', role: 'auditor', password: INITIAL });
    expect(makeAuditor.status).toBe(403);
    expect((await t.http().patch(`/api/users/${id}`).set(bearer(admin)).send({ role: 'office' })).status).toBe(403);
    expect((await t.http().patch(`/api/users/${id}`).set(bearer(admin)).send({ displayName: '改名' })).status).toBe(200);
    // The security administrator assigns roles but does not edit accounts or create them.
    expect((await t.http().patch(`/api/users/${id}`).set(bearer(secadmin)).send({ role: 'auditor' })).status).toBe(200);
    expect((await t.http().patch(`/api/users/${id}`).set(bearer(secadmin)).send({ displayName: '再改名' })).status).toBe(403);
    expect((await t.http().post('/api/users').set(bearer(secadmin)).send({ username: 'bysec', displayName: '越权', role: 'leader', password: INITIAL })).status).toBe(403);
    // Unlocking: the security administrator only.
    for (let i = 0; i < 3; i++) await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.70').send({ username: 'dutyuser', password: 'Wrong-12345' });
    expect((await t.http().post(`/api/users/${id}/unlock`).set(bearer(admin))).status).toBe(403);
    const unlocked = await t.http().post(`/api/users/${id}/unlock`).set(bearer(secadmin));
    expect(unlocked.status).toBe(200);
    // The auditor sees who did each of these.
    const log = await t.http().get('/api/audit').query({ entity: 'user', entityId: String(id) }).set(bearer(auditor));
    expect(log.body.items.map((e: { action: string; username: string }) => `${e.username}:${e.action}`)).toEqual(['secadmin:unlock', 'dutyuser:login-failed', 'dutyuser:login-failed', 'dutyuser:login-failed', 'secadmin:role', 'admin:update', 'admin:create']);
  });
});
