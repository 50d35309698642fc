// Sessions, lockout, password changes and account administration (issue #2, item 6).
// LOGIN_MAX_FAILURES=3 keeps the lockout quick; the lock tests use accounts created here so
// that locking them cannot disturb the other tests. Login is throttled at 30 a minute per
// client, so this file stays well below that many logins per app.
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/app';

const INITIAL = 'Start1234';

describe.each(testBackends('auth'))('auth ($label)', (backend) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1' });
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

  async function createUser(username: string, role = 'leader', extra: Record<string, unknown> = {}) {
    const res = await t.http().post('/api/users').set(bearer(admin)).send({ username, displayName: `测试 ${username}`, role, password: INITIAL, ...extra });
    expect(res.status).toBe(201);
    return res.body as { id: number; mustChangePassword: boolean };
  }

  async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
    const start = Date.now();
    const result = await fn();
    return [result, Date.now() - start];
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
      for (const [username, password] of [['reviewer', 'Wrong1234'], ['nobody', DEMO_PASSWORD]]) {
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
      const claims = jwt.decode<{ sub: number; tv: number }>(admin);
      const now = Math.floor(Date.now() / 1000);
      const sign = (exp: number, secret = t.config.session.secret) => jwt.sign({ sub: claims.sub, tv: claims.tv, iat: exp - 3600, exp }, { secret });

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
      await t.app.get(DataSource).query('UPDATE users SET active = ? WHERE id = ?', [false, id]);
      const after = await t.http().get('/api/auth/me').set(bearer(token));
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('invalid_token');
    });
  });

  describe('lockout', () => {
    it('slows repeated failures, then locks the account, even against the right password', async () => {
      await createUser('lock1');
      const [first, firstMs] = await timed(() => login('lock1', 'Wrong1234'));
      const [second, secondMs] = await timed(() => login('lock1', 'Wrong1234'));
      expect([first.status, second.status]).toEqual([401, 401]);
      // 200 ms after the first failure, 400 ms after the second (doubling each time).
      expect(firstMs).toBeGreaterThanOrEqual(200);
      expect(secondMs).toBeGreaterThanOrEqual(400);

      const third = await login('lock1', 'Wrong1234');
      expect(third.status).toBe(429);
      expect(third.body.code).toBe('account_locked');
      expect(third.body.message).toMatch(/锁定.*1 分钟/);
      const right = await login('lock1', INITIAL);
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('account_locked');
    });

    it('locks even when the failures arrive all at once', async () => {
      await createUser('lock2');
      const results = await Promise.all([1, 2, 3, 4].map(() => login('lock2', 'Wrong1234')));
      expect(results.map((r) => r.status)).toEqual(expect.arrayContaining([429]));
      const right = await login('lock2', INITIAL);
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('account_locked');
    });

    it('a success resets the count of failures', async () => {
      await createUser('lock3');
      expect((await login('lock3', 'Wrong1234')).status).toBe(401);
      expect((await login('lock3', 'Wrong1234')).status).toBe(401);
      expect((await login('lock3', INITIAL)).status).toBe(200);
      // Four failures in all, but never three in a row: not locked.
      expect((await login('lock3', 'Wrong1234')).status).toBe(401);
      expect((await login('lock3', 'Wrong1234')).status).toBe(401);
    });

    it('an admin password reset unlocks the account', async () => {
      const users = await t.http().get('/api/users?q=lock1').set(bearer(admin));
      const lock1 = users.body.items.find((u: { username: string }) => u.username === 'lock1');
      expect(lock1.lockedUntil).not.toBeNull();
      const reset = await t.http().post(`/api/users/${lock1.id}/reset-password`).set(bearer(admin)).send({ password: 'Reset5678' });
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ lockedUntil: null, mustChangePassword: true });
      expect((await login('lock1', 'Reset5678')).status).toBe(200);
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

      const wrongCurrent = await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'Wrong1234', newPassword: 'Better5678' });
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
      const stillInitial = await t.http().post('/api/auth/password').set(bearer(token)).send({ currentPassword: INITIAL, newPassword: 'Better5678' });
      expect(stillInitial.status).toBe(200);
      expect(stillInitial.body.user.mustChangePassword).toBe(false);

      // The change ends the old session and hands out a new one.
      expect((await t.http().get('/api/auth/me').set(bearer(token))).status).toBe(401);
      expect((await t.http().get('/api/units').set(bearer(stillInitial.body.token))).status).toBe(200);
      expect((await login('newleader', INITIAL)).status).toBe(401);
      const again = await login('newleader', 'Better5678');
      expect(again.status).toBe(200);
      expect(again.body.user.mustChangePassword).toBe(false);
    });

    it('an admin resets a password: old sessions end, the new one is temporary', async () => {
      const created = await createUser('resetme');
      const before = (await login('resetme', INITIAL)).body.token as string;
      const reset = await t.http().post(`/api/users/${created.id}/reset-password`).set(bearer(admin)).send({ password: 'Temp9876' });
      expect(reset.status).toBe(200);
      expect((await t.http().get('/api/auth/me').set(bearer(before))).status).toBe(401);
      expect((await login('resetme', INITIAL)).status).toBe(401);
      const after = await login('resetme', 'Temp9876');
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
    const changed = await t.http().post('/api/auth/password').set(bearer(res.body.token)).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Office2026x' });
    expect(changed.status).toBe(200);
    expect((await t.http().get('/api/units').set(bearer(changed.body.token))).status).toBe(200);
  });
});
