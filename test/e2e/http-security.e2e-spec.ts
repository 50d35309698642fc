// CSRF defence and HTTP security headers (issue #11, security baseline): a write authenticated
// by the session cookie must come from the deployment's own origin; Bearer clients are not
// affected (a browser cannot attach that header cross-site). Headers: CSP, frame denial,
// nosniff, HSTS only over TLS, no X-Powered-By; the cookie is SameSite=Strict, and Secure
// whenever the request came over TLS through a trusted proxy.
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, DEMO_PASSWORD, type TestApp } from '../utils/app';

const HOST = 'pubscore.test:3000';
const OWN = `http://${HOST}`;
const EVIL = 'https://evil.example';

function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  return ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith('pubscore_session='));
}

describe.each(testBackends('http_security'))('HTTP security ($label)', (backend) => {
  let t: TestApp;
  let cookie: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const res = await t.http().post('/api/auth/login').set('Host', HOST).send({ username: 'officer', password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
    cookie = sessionCookie(res)!.split(';')[0];
    officer = res.body.token;
  });
  afterAll(async () => {
    await t?.close();
  });

  const articleCount = async () => (await t.http().get('/api/articles?pageSize=1').set(bearer(officer))).body.total as number;
  const cookieWrite = (title: string) => t.http().post('/api/articles').set('Host', HOST).set('Cookie', cookie).send({ title });

  describe('cookie-authenticated writes', () => {
    it.each([
      ['a foreign Origin', { Origin: EVIL }],
      ['a foreign Referer and no Origin', { Referer: `${EVIL}/attack.html` }],
      ['a foreign Origin beside an own Referer', { Origin: EVIL, Referer: `${OWN}/articles` }],
      ['Origin: null (a sandboxed frame or a privacy redirect)', { Origin: 'null' }],
      ['neither Origin nor Referer', {}],
      ['the same host on another scheme', { Origin: `https://${HOST}` }],
    ])('are refused with %s, and change nothing', async (_label, headers: Record<string, string>) => {
      const before = await articleCount();
      const res = await cookieWrite('跨站伪造的稿件').set(headers);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'csrf_origin', errors: {} });
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      const del = await t.http().delete('/api/articles/1').set('Host', HOST).set('Cookie', cookie).set(headers);
      expect(del.status).toBe(403);
      expect(await articleCount()).toBe(before);
    });

    it('are accepted from the own origin (Origin, or Referer when Origin is absent)', async () => {
      const before = await articleCount();
      const viaOrigin = await cookieWrite('同源保存的稿件').set('Origin', OWN);
      expect(viaOrigin.status).toBe(201);
      const viaReferer = await cookieWrite('同源保存的稿件（Referer）').set('Referer', `${OWN}/articles/new`);
      expect(viaReferer.status).toBe(201);
      expect(await articleCount()).toBe(before + 2);
    });

    it('leave reads alone (a GET from anywhere still answers)', async () => {
      const res = await t.http().get('/api/auth/me').set('Host', HOST).set('Cookie', cookie).set('Origin', EVIL);
      expect(res.status).toBe(200);
    });

    it('do not concern Bearer clients, whatever their Origin', async () => {
      const res = await t.http().post('/api/articles').set(bearer(officer)).set('Cookie', cookie).set('Origin', EVIL).send({ title: '接口客户端保存的稿件' });
      expect(res.status).toBe(201);
    });
  });

  describe('headers', () => {
    it('answer with CSP, frame denial, nosniff, a same-origin referrer policy and no X-Powered-By', async () => {
      const res = await t.http().get('/api/health');
      const csp = String(res.headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
        expect(csp).toContain(directive);
      }
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // Browsers send Origin: null on same-origin writes under no-referrer, which the CSRF check refuses.
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    });

    it('add HSTS when the request came over TLS through the trusted proxy', async () => {
      const res = await t.http().get('/api/health').set('X-Forwarded-Proto', 'https');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });

    it('keep the API docs working under their policy', async () => {
      const page = await t.http().get('/api/docs/');
      expect(page.status).toBe(200);
      expect(page.text).toContain('swagger-ui');
      // Swagger UI loads its scripts from files, never inline.
      expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
      expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    });
  });

  describe('the session cookie', () => {
    it('is SameSite=Strict and not Secure over plain HTTP', async () => {
      const res = await t.http().post('/api/auth/login').send({ username: 'leader', password: DEMO_PASSWORD });
      const set = sessionCookie(res);
      expect(set).toMatch(/;\s*SameSite=Strict/i);
      expect(set).toMatch(/;\s*HttpOnly/i);
      expect(set).not.toMatch(/;\s*Secure/i);
    });

    it('is Secure when a trusted proxy says the request came over TLS', async () => {
      const res = await t.http().post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ username: 'leader', password: DEMO_PASSWORD });
      expect(sessionCookie(res)).toMatch(/;\s*Secure/i);
      expect(sessionCookie(res)).toMatch(/;\s*SameSite=Strict/i);
    });
  });
});

describe.each(testBackends('http_security_proxy'))('HTTP security with PUBLIC_ORIGIN and no trusted proxy ($label)', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(backend, { PUBLIC_ORIGIN: 'https://pubscore.example.gov.cn, https://jf.example.gov.cn', TRUST_PROXY: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ignores X-Forwarded-Proto from an untrusted peer: no Secure cookie, no HSTS', async () => {
    const res = await t.http().post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ username: 'officer', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(sessionCookie(res)).not.toMatch(/;\s*Secure/i);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('accepts cookie writes from each configured origin and no longer from the request host', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'officer', password: DEMO_PASSWORD });
    const cookie = sessionCookie(login)!.split(';')[0];
    const write = (origin: string) => t.http().post('/api/articles').set('Host', 'pubscore.example.gov.cn').set('Cookie', cookie).set('Origin', origin).send({ title: `来自 ${origin} 的稿件` });
    expect((await write('https://pubscore.example.gov.cn')).status).toBe(201);
    expect((await write('https://jf.example.gov.cn')).status).toBe(201);
    const refused = await write('http://pubscore.example.gov.cn');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_origin');
  });
});
