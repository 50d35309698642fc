// Every HTTP route declares who may call it (issue #2, item 6): walks the controllers the real
// app registered and fails, naming the routes, if one lacks @Roles/@AnyRole/@Public. Route
// metadata does not depend on the database or the queue, so the embedded backend suffices.
import { ROLES } from '@app/contracts';
import { AuditService } from '../../apps/api/src/audit/audit.service';
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { registeredRoutes, routeLabel as label, type Route } from '../utils/routes';

/** The routes anyone may call without logging in. Adding one is a decision: change it here. */
const PUBLIC_ROUTES = ['GET /api/health', 'GET /api/meta', 'POST /api/auth/login'];

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

  describe('id parameters (issue #11, defect 3)', () => {
    // Number() and Nest's ParseIntPipe took all of these; `DELETE /api/evidence/%20%201` once deleted evidence #1.
    const ODD_IDS = ['1e3', '0x10', '%20%201', '+1', '1.0', '01', '0', '2147483648'];
    const ID_PARAM = /^(id|[a-z]+Id|revision)$/;
    // Demo accounts are named after their role.
    const callerFor = (r: Route) => (r.access && !r.access.public ? (r.access.roles.includes('office') ? 'office' : r.access.roles[0]) : 'office');
    const idParams = (r: Route) => [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).filter((p) => ID_PARAM.test(p));
    const fill = (r: Route, param: string, value: string) =>
      r.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => (name === param ? value : ({ quarter: '2025-Q1', month: '2025-01', type: 'articles', action: 'submit' } as Record<string, string>)[name] ?? '1'));
    const tokens = new Map<string, Promise<string>>();
    const send = async (r: Route, url: string) => {
      const verb = r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const role = callerFor(r);
      if (!tokens.has(role)) tokens.set(role, t.login(role));
      return t.http()[verb](url).set(bearer(await tokens.get(role)!));
    };

    it('finds the id routes (so that the walk below can fail)', () => {
      const withIds = routes.filter((r) => idParams(r).length > 0).map((r) => `${r.method} ${r.path}`);
      expect(withIds.length).toBeGreaterThanOrEqual(40);
      expect(withIds).toEqual(expect.arrayContaining(['DELETE /api/evidence/:id', 'GET /api/articles/:articleId/placements', 'GET /api/quarters/:quarter/snapshots/:revision', 'GET /api/articles/import/:jobId/report.xlsx']));
    });

    it('every id route parameter refuses the odd forms of a number with 400 invalid_id', async () => {
      const wrong: string[] = [];
      for (const r of routes) {
        for (const param of idParams(r)) {
          // A plain id reaches the handler (404, 403, 400 for the body…): the refusal below is the id's.
          const plain = await send(r, fill(r, param, '2147483647'));
          if (plain.body?.code === 'invalid_id') wrong.push(`${label(r)} :${param}=2147483647 → invalid_id`);
          for (const odd of ODD_IDS) {
            const res = await send(r, fill(r, param, odd));
            if (res.status !== 400 || res.body.code !== 'invalid_id' || res.body.errors?.[param] !== 'ID 必须是正整数') {
              wrong.push(`${label(r)} :${param}=${odd} → ${res.status} ${res.body?.code ?? ''}`);
            }
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  });
});

// Audit entries cannot be changed or deleted through any route (issue #11, 等保): only reads
// reach the audit log. Walks the same registered routes as above.
describe.each(testBackends('routes_audit').filter((b) => b.name === 'embedded'))('audit log is read-only over HTTP ($label)', (backend) => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    routes = registeredRoutes(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the audit log has routes (so that the check below can fail)', () => {
    expect(routes.filter((r) => r.path.startsWith('/api/audit')).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/audit', 'GET /api/audit/export.xlsx']);
  });

  it('no route writes to the audit log, and no DELETE, PATCH or PUT names it', () => {
    const writes = routes.filter((r) => /audit/i.test(r.path) && r.method !== 'GET').map(label);
    expect(writes).toEqual([]);
    const controllers = routes.filter((r) => r.name.startsWith('AuditController.') && r.method !== 'GET').map(label);
    expect(controllers).toEqual([]);
  });

  it('the audit service offers no way to edit or delete single entries (only the retention purge)', () => {
    const methods = Object.getOwnPropertyNames(AuditService.prototype).filter((m) => m !== 'constructor').sort();
    expect(methods).toEqual(['export', 'filters', 'list', 'onApplicationBootstrap', 'onModuleDestroy', 'present', 'purgeExpired', 'record', 'recordEvent']);
  });
});
