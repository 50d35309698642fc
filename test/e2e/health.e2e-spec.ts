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

  it.each(['admin', 'office', 'leader', 'officer', 'reviewer'])('the demo account %s can log in', async (username) => {
    const token = await t.login(username);
    const me = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(username);
  });
});
