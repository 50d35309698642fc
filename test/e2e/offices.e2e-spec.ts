// Issue #15, offices: an office tree in one deployment. The demo district (A, the root) creates
// a district office B below it; each office keeps its own records, and a walk over every read
// route as B's users finds nothing of A. A's leaders open B's published notices and rankings
// read-only; B cannot look up the tree.
import ExcelJS from 'exceljs';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { officeSteps, TEMP_PASSWORD as TEMP } from '../utils/offices';
import { testBackends } from '../utils/backends';
import { registeredRoutes, type Route } from '../utils/routes';

const Q = '2025-Q1';
/**
 * Strings only office A's records hold: none may reach a user of office B. (Not 示例区 or
 * 临江街道党工委: the catalogue's placeholders and the import template's examples name them to everyone;
 * not A's outlet: an office's outlets are shared with the offices below it.)
 */
const A_TITLE = '甲区独有稿件乡村治理纪实';
const A_OUTLET = '甲区独有融媒体中心';
const A_MARKERS = [A_TITLE, '枫林街道党工委', '云山镇党委', '临江街道 信息员 张磊', '中共示例区委组织部办公室'];

/** Keeps every answer as bytes, whatever its type. */
const binary = (r: NodeJS.ReadableStream, done: (error: Error | null, body: unknown) => void) => {
  const parts: Buffer[] = [];
  r.on('data', (c: Buffer) => parts.push(c));
  r.on('end', () => done(null, Buffer.concat(parts)));
};

/** Text of an answer, whatever its type (an .xlsx is read cell by cell). */
async function textOf(res: { headers: Record<string, string>; body: Buffer }): Promise<string> {
  if ((res.headers['content-type'] ?? '').includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
    return cells.join('\n');
  }
  return res.body.toString('utf8');
}

describe.each(testBackends('offices'))('an office tree ($label)', (backend) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let officeB: number;
  const aIds: number[] = [];

  const { post, get, must, activate, recordVerified, outletId, publish: publishQuarter } = officeSteps(() => t);
  const publish = (office: string) => publishQuarter(office, Q);

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const u of ['admin', 'office', 'leader', 'officer', 'reviewer']) tok[u] = await t.login(u);

    // Office A's own records: a marked outlet and a verified article in it, published.
    const outlet = await must('A outlet', post(tok.office, '/api/outlets', { code: 'A-ONLY', name: A_OUTLET, level: 'district', channel: 'media', medium: 'newspaper' }), 201);
    const a = await recordVerified(tok.officer, tok.reviewer, tok.office, A_TITLE, outlet.body.id);
    await publish(tok.office);
    const me = await must('me', get(tok.officer, '/api/auth/me'), 200);
    aIds.push(a.articleId, a.placementId, outlet.body.id, me.body.id, me.body.unitId);

    const created = await post(tok.admin, '/api/offices', {
      parentId: (await must('offices', get(tok.admin, '/api/offices'), 200)).body[0].id,
      code: 'dist-b', name: '中共乙区委组织部办公室', regionName: '乙区', issuingAuthority: '中共乙区委组织部', docNumberPrefix: '乙组办',
      settings: { quarterDisputeDays: 3 }, admin: { username: 'b-admin', displayName: '乙区管理员', password: TEMP },
    });
    officeB = (await must('office B', Promise.resolve(created), 201)).body.id;
    tok.bAdmin = await activate('b-admin');
    const group = await must('B group', post(tok.bAdmin, '/api/ranking-groups', { code: 'TOWNS', name: '乡镇组' }), 201);
    const unit = await must('B unit', post(tok.bAdmin, '/api/units', { code: 'BZ1', name: '乙区东湖镇党委', groupId: group.body.id }), 201);
    for (const [username, role] of [['b-office', 'office'], ['b-leader', 'leader'], ['b-officer', 'officer'], ['b-reviewer', 'reviewer']]) {
      const unitId = role === 'officer' || role === 'reviewer' ? unit.body.id : undefined;
      await must(username, post(tok.bAdmin, '/api/users', { username, displayName: `乙区${role}`, role, unitId, password: TEMP }), 201);
      tok[username] = await activate(username);
    }
    await recordVerified(tok['b-officer'], tok['b-reviewer'], tok['b-office'], '乙区东湖镇党建引领基层治理', await outletId(tok['b-officer'], '人民日报'));
    await publish(tok['b-office']);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the new office has the standard scheme, the outlets of the office above, its settings and an administrator of its own', async () => {
    const offices = (await get(tok.bAdmin, '/api/offices')).body;
    expect(offices).toEqual([expect.objectContaining({ id: officeB, code: 'DIST-B', regionName: '乙区', issuingAuthority: '中共乙区委组织部', docNumberPrefix: '乙组办', settings: { quarterDisputeDays: 3 }, own: true })]);
    const schemes = await get(tok['b-office'], '/api/schemes');
    expect(schemes.status).toBe(200);
    expect(JSON.stringify(schemes.body)).toContain('内置预设 standard');
    const outlets = (await get(tok['b-office'], '/api/outlets?pageSize=200')).body;
    expect(outlets.total).toBeGreaterThan(10);
    expect(outlets.items.filter((o: { name: string }) => o.name === A_OUTLET)).toEqual([expect.objectContaining({ own: false })]);
    const users = (await get(tok.bAdmin, '/api/users')).body.items.map((u: { username: string }) => u.username).sort();
    expect(users).toEqual(['b-admin', 'b-leader', 'b-office', 'b-officer', 'b-reviewer']);
  });

  it('only an office above may create one: B cannot place an office under A, bad input changes nothing', async () => {
    const root = (await get(tok.admin, '/api/offices')).body[0].id;
    const upward = await post(tok.bAdmin, '/api/offices', { parentId: root, code: 'X1', name: '某办公室', regionName: '某区', admin: { username: 'x1-admin', displayName: '某', password: TEMP } });
    expect(upward.status).toBe(404);
    const duplicate = await post(tok.admin, '/api/offices', { parentId: officeB, code: 'DIST-B', name: '重复', regionName: '重复区', admin: { username: 'dup-admin', displayName: '某', password: TEMP } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'duplicate_office_code', errors: { code: '代码已存在' } });
    const takenName = await post(tok.admin, '/api/offices', { parentId: officeB, code: 'X2', name: '某办公室', regionName: '某区', admin: { username: 'officer', displayName: '某', password: TEMP } });
    expect(takenName.status).toBe(409);
    expect(takenName.body.errors).toEqual({ 'admin.username': '用户名已存在' });
    const weak = await post(tok.admin, '/api/offices', { parentId: officeB, code: 'X3', name: '某办公室', regionName: '某区', admin: { username: 'x3-admin', displayName: '某', password: 'short' } });
    expect(weak.status).toBe(422);
    expect(Object.keys(weak.body.errors)).toEqual(['admin.password']);
    expect((await get(tok.admin, '/api/offices')).body.map((o: { code: string }) => o.code)).toEqual(['DEMO', 'DIST-B']);
    expect((await post(tok.office, '/api/offices', {})).status).toBe(403);
  });

  describe('nothing of office A reaches office B', () => {
    let routes: Route[];
    const roleTokens: [string, string][] = [];
    beforeAll(() => {
      routes = registeredRoutes(t).filter((r) => r.method === 'GET' && r.access && !r.access.public);
      roleTokens.push(['admin', tok.bAdmin], ['office', tok['b-office']], ['leader', tok['b-leader']], ['officer', tok['b-officer']], ['reviewer', tok['b-reviewer']]);
    });
    const urls = (r: Route) => {
      const params = [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      const fixed: Record<string, string> = { quarter: Q, month: '2025-02', type: 'articles', action: 'submit', revision: '1' };
      const ids = params.some((p) => !(p in fixed)) ? aIds.map(String) : ['-'];
      return ids.map((id) => r.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => fixed[name] ?? id));
    };
    const walk = async (tokens: [string, string][]) => {
      const leaks: string[] = [];
      let answered = 0;
      for (const r of routes) {
        for (const [role, token] of tokens) {
          if (r.access && !r.access.public && !r.access.roles.includes(role as never)) continue;
          for (const url of urls(r)) {
            const res = await t.http().get(`${url}${url.includes('export') || url.includes('statement') ? '?quarter=' + Q : ''}`).set(bearer(token)).buffer(true).parse(binary as never);
            if (res.status === 200) answered += 1;
            const text = await textOf(res);
            const found = A_MARKERS.filter((m) => text.includes(m));
            if (found.length > 0) leaks.push(`${role} GET ${url} → ${res.status}: ${found.join(', ')}`);
          }
        }
      }
      return { leaks, answered };
    };

    it('the walk sees A’s records as A (so that it can fail)', async () => {
      const { leaks } = await walk([['office', tok.office], ['leader', tok.leader], ['officer', tok.officer]]);
      expect(leaks.length).toBeGreaterThan(5);
      expect(leaks.join('\n')).toContain(A_TITLE);
    }, 120_000);

    it('as every role of B, no read route answers anything of A', async () => {
      const { leaks, answered } = await walk(roleTokens);
      expect(leaks).toEqual([]);
      expect(answered).toBeGreaterThan(30);
    }, 120_000);
  });

  it('A’s leader opens B’s published notice and ranking read-only; B cannot look up the tree', async () => {
    const offices = (await get(tok.leader, '/api/offices')).body;
    expect(offices.map((o: { code: string; own: boolean }) => [o.code, o.own])).toEqual([['DEMO', true], ['DIST-B', false]]);
    const notices = await get(tok.leader, `/api/offices/${officeB}/notices`);
    expect(notices.status).toBe(200);
    expect(notices.body).toEqual([expect.objectContaining({ quarter: Q, revision: 1, kind: 'notice' })]);
    const notice = await get(tok.leader, `/api/offices/${officeB}/notices/${notices.body[0].id}`);
    expect(notice.status).toBe(200);
    expect(JSON.stringify(notice.body)).toContain('乙区东湖镇党委');
    const docx = await get(tok.leader, `/api/offices/${officeB}/notices/${notices.body[0].id}/notice.docx`);
    expect(docx.status).toBe(200);
    const ranking = await get(tok.leader, `/api/offices/${officeB}/quarters/${Q}/snapshots/1`);
    expect(ranking.status).toBe(200);
    expect(ranking.body.units.map((u: { unitName: string }) => u.unitName)).toEqual(['乙区东湖镇党委']);

    // A's own notice id, asked for through B's path, is not B's notice.
    const own = (await get(tok.leader, '/api/notices')).body[0].id;
    expect((await get(tok.leader, `/api/offices/${officeB}/notices/${own}`)).status).toBe(404);
    // Up the tree and sideways: not found; officers have no such route.
    const root = offices[0].id;
    expect((await get(tok['b-leader'], `/api/offices/${root}/notices`)).status).toBe(404);
    expect((await get(tok['b-leader'], `/api/offices/${officeB}/notices`)).status).toBe(404);
    expect((await get(tok.officer, `/api/offices/${officeB}/notices`)).status).toBe(403);
    expect((await get(tok['b-leader'], '/api/offices')).body.map((o: { code: string }) => o.code)).toEqual(['DIST-B']);
  });
});
