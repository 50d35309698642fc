// Every HTTP route declares who may call it (issue #2, item 6): walks the controllers the real
// app registered and fails, naming the routes, if one lacks @Roles/@AnyRole/@Public. Route
// metadata does not depend on the database or the queue, so the embedded backend suffices.
import { ROLES } from '@app/contracts';
import { testBackends } from '../utils/backends';
import { createTestApp, type TestApp } from '../utils/app';
import { registeredRoutes, routeLabel as label, type Route } from '../utils/routes';

/** The routes anyone may call without logging in. Adding one is a decision: change it here. */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/login'];

describe.each(testBackends('routes').filter((b) => b.name === 'embedded'))('route access declarations ($label)', (backend) => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    routes = registeredRoutes(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sees the routes of the app (so that the checks below can fail)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/units', 'DELETE /api/outlets/:id', 'GET /api/jobs/:id']));
  });

  it('every route declares @Roles, @AnyRole or @Public', () => {
    const undeclared = routes.filter((r) => !r.access).map(label);
    expect(undeclared).toEqual([]);
  });

  it('every declaration names known roles, at least one', () => {
    const bad = routes.filter((r) => r.access && !r.access.public && (r.access.roles.length === 0 || r.access.roles.some((role) => !ROLES.includes(role))));
    expect(bad.map(label)).toEqual([]);
  });

  it('only the intended routes are public', () => {
    const open = routes.filter((r) => r.access?.public).map((r) => `${r.method} ${r.path}`).sort();
    expect(open).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('every other route answers 401 to a caller without a session', async () => {
    const answers: string[] = [];
    for (const r of routes.filter((route) => !route.access?.public)) {
      const url = r.path.replace(/:[A-Za-z]+/g, '1');
      const verb = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const res = await t.http()[verb](url);
      if (res.status !== 401) answers.push(`${label(r)} → ${res.status}`);
    }
    expect(answers).toEqual([]);
  });
});
