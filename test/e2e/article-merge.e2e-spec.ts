// What happens to the rows around an article when the office merges two duplicates or an
// officer deletes a draft: units, placements, 批示 and the 约稿 it answered (whose rows are the
// commissions feature's, moved through CommissionsService).
import { DataSource } from 'typeorm';
import { Outlet } from '../../apps/api/src/outlets/outlet.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { createFactories, type Factories } from '../factories';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

describe.each(testBackends('article-merge'))('merging and deleting articles ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let f: Factories;
  let office: string;
  let officer: string;
  let unit: Record<string, Unit>;
  let outlets: Outlet[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    f = createFactories(ds);
    [office, officer] = await Promise.all(['office', 'officer'].map((u) => t.login(u)));
    unit = Object.fromEntries((await ds.getRepository(Unit).find()).map((u) => [u.code, u]));
    outlets = await ds.getRepository(Outlet).find({ take: 2, order: { id: 'ASC' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const answerOf = async (commissionId: number, unitId: number) =>
    (await ds.query('SELECT articleId, answeredAt FROM commission_targets WHERE commissionId = ? AND unitId = ?', [commissionId, unitId]))[0] as { articleId: number | null; answeredAt: unknown };

  it('the office merges two drafts: one joint article with both units, placements once each, the 约稿 answer moved over', async () => {
    const officeId = unit.LJJD.officeId;
    const keep = await f.articles.create({ officeId, units: [unit.LJJD.id], title: '临江街道重复录入的稿件', submittedAt: '2024-05-06', status: 'draft' });
    const other = await f.articles.create({ officeId, units: [unit.QSZ.id], title: '青石镇重复录入的稿件', submittedAt: '2024-05-07', status: 'draft' });
    await f.placements.create({ article: keep, outlet: outlets[0], publishedAt: '2024-05-10', status: 'draft' });
    await f.placements.create({ article: other, outlet: outlets[0], publishedAt: '2024-05-10', status: 'draft' });
    await f.placements.create({ article: other, outlet: outlets[1], publishedAt: '2024-05-11', status: 'draft' });
    const commission = await f.commissions.create({ officeId, deadline: '2024-05-31', targets: [{ unitId: unit.QSZ.id, articleId: other.id }] });

    const res = await t.http().post(`/api/articles/${keep.id}/merge`).set(bearer(office)).send({ otherId: other.id });
    expect(res.status).toBe(204);
    const merged = (await t.http().get(`/api/articles/${keep.id}`).set(bearer(office))).body;
    expect(merged.units.map((u: { unitId: number; position: number; sharePercent: number | null }) => [u.unitId, u.position, u.sharePercent])).toEqual([[unit.LJJD.id, 1, null], [unit.QSZ.id, 2, null]]);
    const placements = (await t.http().get(`/api/articles/${keep.id}/placements`).set(bearer(office))).body as { outletId: number; publishedDate: string }[];
    expect(placements.map((p) => [p.outletId, p.publishedDate]).sort()).toEqual([[outlets[0].id, '2024-05-10'], [outlets[1].id, '2024-05-11']].sort());
    expect((await t.http().get(`/api/articles/${other.id}`).set(bearer(office))).status).toBe(404);
    expect(Number((await answerOf(commission.id, unit.QSZ.id)).articleId)).toBe(keep.id);
  });

  it('an officer deletes a draft that answered a 约稿: the 约稿 is unanswered again', async () => {
    const officeId = unit.LJJD.officeId;
    const draft = await f.articles.create({ officeId, units: [unit.LJJD.id], title: '回复约稿后删除的草稿', submittedAt: '2024-06-03', status: 'draft' });
    const commission = await f.commissions.create({ officeId, deadline: '2024-06-30', targets: [{ unitId: unit.LJJD.id, articleId: draft.id }] });
    expect(Number((await answerOf(commission.id, unit.LJJD.id)).articleId)).toBe(draft.id);

    expect((await t.http().delete(`/api/articles/${draft.id}`).set(bearer(officer))).status).toBe(204);
    expect(await answerOf(commission.id, unit.LJJD.id)).toEqual({ articleId: null, answeredAt: null });
    expect((await t.http().get(`/api/articles/${draft.id}`).set(bearer(officer))).status).toBe(404);
  });
});
