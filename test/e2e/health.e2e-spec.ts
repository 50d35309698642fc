import { testBackends } from '../utils/backends';
import { createTestApp, type TestApp } from '../utils/app';

describe.each(testBackends('health'))('health and demo logins ($label)', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports the database and the queue mode of this backend', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'up', database: 'up', queue: { mode: backend.name === 'embedded' ? 'inline' : 'bull', status: 'up' } });
  });

  it('tells clients the business zone without a login (GET /api/meta)', async () => {
    const res = await t.http().get('/api/meta');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ businessTimeZone: 'Asia/Shanghai', version: '0.1.0' });
  });

  it('the zone it tells is the BUSINESS_TIME_ZONE setting', async () => {
    const other = await createTestApp(backend, { BUSINESS_TIME_ZONE: 'America/New_York' }, { shareWith: t });
    try {
      const res = await other.http().get('/api/meta');
      expect(res.body.businessTimeZone).toBe('America/New_York');
    } finally {
      await other.close();
    }
  });

  it.each(['admin', 'office', 'leader', 'officer', 'reviewer'])('the demo account %s can log in', async (username) => {
    const token = await t.login(username);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(username);
  });
});
