// Issue #15, offices: outlets are shared down the tree. The central catalogue and a city's own
// outlets are seen (read-only) by its districts, which record placements on them and add their
// own; a district's outlets stay its own, unseen by its sibling.
import ExcelJS from 'exceljs';
import { bearer, createTestApp, download, type TestApp } from '../utils/app';
import { noonOf } from '../utils/clock';
import { officeSteps, TEMP_PASSWORD as TEMP } from '../utils/offices';
import { testBackends } from '../utils/backends';

type OutletRow = { id: number; code: string; name: string; own: boolean };

describe.each(testBackends('offices-outlets'))('outlets shared down the office tree ($label)', (backend) => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { post, get, must, activate, outletId } = officeSteps(() => t);
  const patch = (token: string, url: string, body: object) => t.http().patch(url).set(bearer(token)).send(body);
  const names = async (token: string) => ((await must('outlets', get(token, '/api/outlets?pageSize=200'), 200)).body.items as OutletRow[]);

  /** A district below the root (the "city" here) with its office user and an officer of one unit. */
  const district = async (code: string, name: string) => {
    const root = (await must('offices', get(tok.admin, '/api/offices'), 200)).body[0].id;
    await must(code, post(tok.admin, '/api/offices', { parentId: root, code, name: `中共${name}委组织部办公室`, regionName: name, admin: { username: `${code}-admin`.toLowerCase(), displayName: '管理员', password: TEMP } }), 201);
    const admin = await activate(`${code}-admin`.toLowerCase());
    const group = await must('group', post(admin, '/api/ranking-groups', { code: 'TOWNS', name: '乡镇组' }), 201);
    const unit = await must('unit', post(admin, '/api/units', { code: `${code}-U1`, name: `${name}东湖镇党委`, groupId: group.body.id }), 201);
    for (const [username, role] of [[`${code}-office`, 'office'], [`${code}-officer`, 'officer']]) {
      await must(username, post(admin, '/api/users', { username: username.toLowerCase(), displayName: username, role, unitId: role === 'officer' ? unit.body.id : undefined, password: TEMP }), 201);
      tok[username] = await activate(username.toLowerCase());
    }
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    for (const u of ['admin', 'office']) tok[u] = await t.login(u);
    ids.cityOutlet = (await must('city outlet', post(tok.office, '/api/outlets', { code: 'CITY-EVE', name: '甲市晚报', level: 'municipal', channel: 'media', medium: 'newspaper' }), 201)).body.id;
    await district('NB', '北区');
    await district('SB', '南区');
    ids.northOutlet = (await must('north outlet', post(tok['NB-office'], '/api/outlets', { code: 'NB-MEDIA', name: '北区融媒体中心', level: 'district', channel: 'media', medium: 'new-media' }), 201)).body.id;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a district sees the central catalogue and the city’s outlet (read-only) and its own; not its sibling’s', async () => {
    const north = await names(tok['NB-office']);
    expect(north.find((o) => o.id === ids.cityOutlet)).toMatchObject({ name: '甲市晚报', own: false });
    expect(north.find((o) => o.id === ids.northOutlet)).toMatchObject({ own: true });
    expect(north.filter((o) => o.name === '人民日报')).toEqual([expect.objectContaining({ own: false })]);
    const south = await names(tok['SB-office']);
    expect(south.map((o) => o.id)).toContain(ids.cityOutlet);
    expect(south.map((o) => o.id)).not.toContain(ids.northOutlet);
    expect((await get(tok['SB-office'], `/api/outlets/${ids.northOutlet}`)).status).toBe(404);
    // The city does not see its districts' outlets either.
    expect((await names(tok.office)).map((o) => o.id)).not.toContain(ids.northOutlet);
  });

  it('a district records a placement on the city’s outlet and on the central one; not on its sibling’s', async () => {
    // Officers record on the day (issue #14): the clock stands on the submission day for the article.
    const article = await t.clock.during(noonOf('2025-02-01'), () => must('article', post(tok['NB-officer'], '/api/articles', { title: '北区基层治理经验在市报刊发', submittedAt: '2025-02-01' }), 201));
    const onCity = await post(tok['NB-officer'], `/api/articles/${article.body.id}/placements`, { outletId: ids.cityOutlet, publishedAt: '2025-02-10' });
    expect(onCity.status).toBe(201);
    expect(onCity.body).toMatchObject({ outletId: ids.cityOutlet, outletName: '甲市晚报', level: 'municipal' });
    const central = await outletId(tok['NB-officer'], '人民日报');
    expect((await post(tok['NB-officer'], `/api/articles/${article.body.id}/placements`, { outletId: central, publishedAt: '2025-02-11' })).status).toBe(201);

    const other = await t.clock.during(noonOf('2025-02-01'), () => must('south article', post(tok['SB-officer'], '/api/articles', { title: '南区稿件', submittedAt: '2025-02-01' }), 201));
    const onSibling = await post(tok['SB-officer'], `/api/articles/${other.body.id}/placements`, { outletId: ids.northOutlet, publishedAt: '2025-02-10' });
    expect(onSibling.status).toBe(422);
    expect(onSibling.body.errors).toEqual({ outletId: '媒体/刊物不存在' });
  });

  it('a district cannot change or delete the city’s outlet, nor take over its code', async () => {
    const city = (await get(tok.office, `/api/outlets/${ids.cityOutlet}`)).body;
    const edit = await patch(tok['NB-office'], `/api/outlets/${ids.cityOutlet}`, { name: '北区改的名字', version: city.version });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ code: 'outlet_not_own', errors: { id: '上级组织部的媒体刊物不能修改' } });
    expect((await t.http().delete(`/api/outlets/${ids.cityOutlet}`).set(bearer(tok['NB-office']))).status).toBe(403);
    expect((await get(tok.office, `/api/outlets/${ids.cityOutlet}`)).body).toMatchObject({ name: '甲市晚报', version: city.version });
    const clash = await post(tok['NB-office'], '/api/outlets', { code: 'CITY-EVE', name: '北区另一家', level: 'district', channel: 'media', medium: 'newspaper' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ code: 'duplicate_outlet', errors: { code: '上级组织部已有此代码' } });
    // The city itself still edits it.
    expect((await patch(tok.office, `/api/outlets/${ids.cityOutlet}`, { name: '甲市晚报社', version: city.version })).status).toBe(200);
  });

  it('a district’s outlet sheet lists the shared outlets; imported back, they change nothing, and a changed one is refused by row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(t, '/api/outlets/export.xlsx', tok['NB-office'])) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    let cityRow = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).text === 'CITY-EVE') cityRow = n;
    });
    expect(cityRow).toBeGreaterThan(1);
    const upload = async () => {
      const content = Buffer.from(await book.xlsx.writeBuffer());
      const res = await t.http().post('/api/outlets/import').set(bearer(tok['NB-office'])).attach('file', content, 'outlets.xlsx');
      expect(res.status).toBe(201);
      return (await t.waitForJob(tok['NB-office'], res.body.id)).result as { created: number; updated: number; unchanged: number; problems: { row: number; message: string }[] };
    };
    const same = await upload();
    expect(same).toMatchObject({ created: 0, updated: 0, problems: [] });
    expect(same.unchanged).toBe(sheet.rowCount - 1);

    sheet.getRow(cityRow).getCell(2).value = '北区改的名字';
    const changed = await upload();
    expect(changed).toMatchObject({ created: 0, updated: 0 });
    expect(changed.problems).toEqual([{ row: cityRow, column: '代码', message: expect.stringContaining('由上级组织部维护') }]);
    expect((await get(tok.office, `/api/outlets/${ids.cityOutlet}`)).body.name).toBe('甲市晚报社');
    expect((await names(tok['NB-office'])).filter((o) => o.code === 'CITY-EVE')).toEqual([expect.objectContaining({ id: ids.cityOutlet, own: false })]);
  });
});
