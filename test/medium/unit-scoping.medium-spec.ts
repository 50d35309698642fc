// Unit scoping at the service layer: an officer or reviewer of unit A reads and changes only
// what belongs to A (a joint article A+B is readable by both units, changeable only by its
// owner). Others' records answer not_found (ids reveal nothing) or forbidden, and stay as they were.
import { plainToInstance } from 'class-transformer';
import { ArticlesService } from '../../apps/api/src/articles/articles.service';
import { ListArticlesQuery } from '../../apps/api/src/articles/dto/article.dto';
import { ItemsService } from '../../apps/api/src/items/items.service';
import { ListItemsQuery } from '../../apps/api/src/items/dto/item.dto';
import { MonthlyReportsService } from '../../apps/api/src/monthly-reports/monthly-reports.service';
import { ReviewService } from '../../apps/api/src/review/review.service';
import { testBackends } from '../utils/backends';
import { createServiceModule, officeWithTwoUnits, type ServiceModule } from './support/service-module';

describe.each(testBackends('medium-unit-scoping'))('unit scoping in the services ($label)', (backend) => {
  let m: ServiceModule;
  let o: Awaited<ReturnType<typeof officeWithTwoUnits>>;
  let articles: ArticlesService;
  let review: ReviewService;
  let items: ItemsService;

  beforeAll(async () => {
    m = await createServiceModule(backend);
    o = await officeWithTwoUnits(m);
    articles = m.get(ArticlesService);
    review = m.get(ReviewService);
    items = m.get(ItemsService);
  });
  afterAll(async () => {
    await m?.close();
  });

  const draftOf = (unitId: number, title: string, units: number[] = [unitId]) => m.f.articles.create({ officeId: o.office.id, units, title, status: 'draft' });

  it('lets unit B neither read nor list nor change unit A\'s article; the office and unit A can', async () => {
    const a = await draftOf(o.unitA.id, 'A 单位的稿件');
    for (const outsider of [o.officerB, o.reviewerB]) {
      await expect(articles.get(outsider, a.id)).rejects.toMatchObject({ code: 'not_found' });
      const listed = await articles.list(outsider, plainToInstance(ListArticlesQuery, { unitId: o.unitA.id }));
      expect(listed.items.map((x) => x.id)).not.toContain(a.id);
    }
    await expect(articles.update(o.officerB, a.id, { version: a.version, title: '被 B 改了' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(articles.remove(o.officerB, a.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(review.act(o.officerB, 'articles', a.id, 'submit')).rejects.toMatchObject({ code: 'not_found' });

    expect((await articles.get(o.officerA, a.id)).title).toBe('A 单位的稿件');
    expect((await articles.get(o.officeUser, a.id)).title).toBe('A 单位的稿件');
    expect((await articles.list(o.officerA, plainToInstance(ListArticlesQuery, {}))).items.map((x) => x.id)).toContain(a.id);
    // Nothing moved.
    expect(await articles.get(o.officeUser, a.id)).toMatchObject({ title: 'A 单位的稿件', status: 'draft' });
  });

  it('shows a joint article A+B to both units but leaves its changes and its review to the owner A', async () => {
    const joint = await draftOf(o.unitA.id, '联合稿件', [o.unitA.id, o.unitB.id]);
    expect((await articles.get(o.officerB, joint.id)).id).toBe(joint.id);
    expect((await articles.list(o.reviewerB, plainToInstance(ListArticlesQuery, {}))).items.map((x) => x.id)).toContain(joint.id);
    await expect(articles.update(o.officerB, joint.id, { version: joint.version, title: '被 B 改了' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(review.act(o.officerB, 'articles', joint.id, 'submit')).rejects.toMatchObject({ code: 'forbidden' });
    await review.act(o.officerA, 'articles', joint.id, 'submit');
    await expect(review.act(o.reviewerB, 'articles', joint.id, 'approve')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await articles.get(o.officeUser, joint.id)).toMatchObject({ title: '联合稿件', status: 'submitted' });
  });

  it('keeps 事项 (items) of unit A away from unit B', async () => {
    const { id } = await m.f.items.create({ officeId: o.office.id, unitId: o.unitA.id, itemDate: '2023-05-10', title: 'A 单位的事项', status: 'draft' });
    await expect(items.get(o.officerB, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(items.remove(o.officerB, id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await items.list(o.reviewerB, plainToInstance(ListItemsQuery, {}))).items.map((x) => x.id)).not.toContain(id);
    expect((await items.get(o.reviewerA, id)).id).toBe(id);
  });

  it('refuses unit B a look at unit A\'s monthly report and gives it its own', async () => {
    await expect(m.get(MonthlyReportsService).get(o.officerB, '2023-05', o.unitA.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await m.get(MonthlyReportsService).get(o.officerB, '2023-05')).unitId).toBe(o.unitB.id);
    expect((await m.get(MonthlyReportsService).get(o.officeUser, '2023-05', o.unitA.id)).unitId).toBe(o.unitA.id);
  });
});
