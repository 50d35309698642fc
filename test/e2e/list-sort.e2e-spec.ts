// Every list sorts on the server by a column it allows (issue #16, "Everywhere"): ?sort=name,
// ?sort=-name for descending, the order holding across pages; a column a list does not allow
// is refused with a field error. And units' contact persons (issue #16, point 11), checked
// for range and format before anything is stored.
import { testBackends } from '../utils/backends';
import { bearer, createTestApp, type TestApp } from '../utils/app';

interface UnitBody { id: number; code: string; name: string; version: number; contactName: string | null; contactPhone: string | null }

describe.each(testBackends('list_sort'))('list sorting and unit contacts ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    office = await t.login('office');
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, token = office) => t.http().get(url).set(bearer(token));
  const codes = async (query: string) => {
    const res = await get(`/api/units?${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as UnitBody[]).map((u) => u.code);
  };

  it('sorts a list by the requested column, both ways, across pages', async () => {
    const all = await codes('pageSize=200');
    expect(all.length).toBeGreaterThan(10);
    const sorted = [...all].sort();
    // the demo district lists units by group first: the default is not already code order
    expect(all).not.toEqual(sorted);
    expect(await codes('pageSize=200&sort=code')).toEqual(sorted);
    expect(await codes('pageSize=200&sort=-code')).toEqual([...sorted].reverse());
    // page 2 continues where page 1 ended: the sorting is the server's, not one page's
    expect([...(await codes('pageSize=5&sort=-code')), ...(await codes('pageSize=5&page=2&sort=-code'))]).toEqual([...sorted].reverse().slice(0, 10));
  });

  it.each([
    ['/api/outlets', 'name'],
    ['/api/users', 'username'],
    ['/api/jobs', 'createdAt'],
    ['/api/audit', 'createdAt'],
    ['/api/articles', 'title'],
    ['/api/commissions', 'deadline'],
    ['/api/items', 'date'],
    ['/api/adjustments', 'quarter'],
    ['/api/monthly-reports', 'month'],
    ['/api/schemes', 'versionNo'],
    ['/api/review/queue?type=articles', 'date'],
    ['/api/notifications', 'createdAt'],
  ])('%s accepts sort=%s and refuses a column it does not allow', async (url, column) => {
    const join = url.includes('?') ? '&' : '?';
    const token = url === '/api/users' ? admin : office;
    expect((await get(`${url}${join}sort=${column}`, token)).status).toBe(200);
    expect((await get(`${url}${join}sort=-${column}`, token)).status).toBe(200);
    const bad = await get(`${url}${join}sort=passwordHash`, token);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'invalid_sort', errors: { sort: expect.stringContaining('不能按「passwordHash」排序') } });
    expect(bad.body.errors.sort).toContain(column);
  });

  it('sorts through a query builder too, and refuses a malformed sort with a field error', async () => {
    const unitId = ((await get('/api/units?pageSize=1')).body.items as UnitBody[])[0].id;
    const created: string[] = [];
    for (const topic of ['乙约稿', '甲约稿', '丙约稿']) {
      const res = await t.http().post('/api/commissions').set(bearer(office)).send({ topic, issuedDate: '2024-03-01', deadline: `2024-03-${10 + created.length}`, targetUnitIds: [unitId] });
      expect(res.status).toBe(201);
      created.push(topic);
    }
    const topics = async (sort: string) => ((await get(`/api/commissions?pageSize=200&sort=${sort}`)).body.items as { topic: string }[]).map((c) => c.topic);
    // by deadline: created in deadline order; the default (deadline descending) is its reverse
    expect(await topics('deadline')).toEqual(created);
    expect(await topics('-deadline')).toEqual([...created].reverse());
    for (const sort of ['title;drop', 'a.title', '--title', '']) {
      const r = await get(`/api/articles?sort=${encodeURIComponent(sort)}`);
      expect(r.body).toMatchObject({ statusCode: 400, code: 'validation_failed', errors: { sort: '格式不正确' } });
    }
  });

  describe('unit contacts', () => {
    const unitByCode = async (code: string) => ((await get(`/api/units?q=${code}&pageSize=200`)).body.items as UnitBody[]).find((u) => u.code === code)!;
    const patch = (id: number, body: object) => t.http().patch(`/api/units/${id}`).set(bearer(office)).send(body);

    it.each([
      [{ contactPhone: '12345' }, 'contactPhone', '联系电话格式不正确'],
      [{ contactPhone: '2381234567890' }, 'contactPhone', '联系电话格式不正确'],
      [{ contactPhone: '0571-8765' }, 'contactPhone', '联系电话格式不正确'],
      [{ contactPhone: '1'.repeat(21) }, 'contactPhone', '长度不能超过 20 个字符'],
      [{ contactName: '王' }, 'contactName', '长度不能少于 2 个字符'],
      [{ contactName: '张'.repeat(21) }, 'contactName', '长度不能超过 20 个字符'],
      [{ contactName: '王五1' }, 'contactName', '联系人姓名不能包含数字'],
    ])('refuses %j with a field error and stores nothing', async (body, field, message) => {
      const before = await unitByCode('LJJD');
      const res = await patch(before.id, { ...body, version: before.version });
      expect(res.status).toBe(400);
      expect(res.body.errors[field]).toContain(message);
      expect(await unitByCode('LJJD')).toEqual(before);
    });

    it('stores a mobile or a landline, and clears them with an empty text', async () => {
      let unit = await unitByCode('LJJD');
      let res = await patch(unit.id, { contactName: ' 陈静 ', contactPhone: '13912345678', version: unit.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ contactName: '陈静', contactPhone: '13912345678' });
      unit = await unitByCode('LJJD');
      res = await patch(unit.id, { contactPhone: '0571-87654321-12', version: unit.version });
      expect(res.body).toMatchObject({ contactName: '陈静', contactPhone: '0571-87654321-12' });
      unit = await unitByCode('LJJD');
      res = await patch(unit.id, { contactName: '', contactPhone: '  ', version: unit.version });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ contactName: null, contactPhone: null });
    });
  });
});
