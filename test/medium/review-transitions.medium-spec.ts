// The review workflow (三级负责制) through ReviewService: draft → submitted (officer) →
// unit-approved (reviewer) → verified / returned / rejected (office), reopen (office), who may
// do which, and every illegal move refused with its code while the entry stays as it was.
import { plainToInstance } from 'class-transformer';
import type { EntryStatus } from '@app/contracts';
import { ArticlesService } from '../../apps/api/src/articles/articles.service';
import type { AuthUser } from '../../apps/api/src/auth/auth-user';
import { InlineJobDriver } from '../../apps/api/src/jobs/inline-job.driver';
import { ListJobsQuery } from '../../apps/api/src/jobs/dto/list-jobs.query';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import type { ReviewAction } from '../../apps/api/src/review/dto/review.dto';
import { ReviewService } from '../../apps/api/src/review/review.service';
import { testBackends } from '../utils/backends';
import { createServiceModule, officeWithTwoUnits, type ServiceModule } from './support/service-module';

describe.each(testBackends('medium-review'))('review transitions ($label)', (backend) => {
  let m: ServiceModule;
  let o: Awaited<ReturnType<typeof officeWithTwoUnits>>;
  let review: ReviewService;
  let articles: ArticlesService;

  beforeAll(async () => {
    m = await createServiceModule(backend);
    o = await officeWithTwoUnits(m);
    review = m.get(ReviewService);
    articles = m.get(ArticlesService);
  });
  afterAll(async () => {
    await m?.close();
  });

  const article = (status: EntryStatus = 'draft') => m.f.articles.create({ officeId: o.office.id, units: [o.unitA.id], submittedAt: '2023-05-10', status });
  const statusOf = async (id: number) => (await articles.get(o.officeUser, id)).status;
  const act = (user: AuthUser, id: number, action: ReviewAction, reason?: string) => review.act(user, 'articles', id, action, reason);

  it('walks draft → submitted → unit-approved → verified, each step by its role, and reopens with a reason', async () => {
    const a = await article();
    expect(await act(o.officerA, a.id, 'submit')).toMatchObject({ status: 'submitted' });
    expect(await act(o.reviewerA, a.id, 'approve')).toMatchObject({ status: 'unit-approved' });
    expect(await act(o.officeUser, a.id, 'verify')).toMatchObject({ status: 'verified' });
    expect(await statusOf(a.id)).toBe('verified');
    // Verified is locked until reopened.
    await expect(articles.update(o.officeUser, a.id, { version: (await articles.get(o.officeUser, a.id)).version, title: '改' })).rejects.toMatchObject({ code: 'locked' });
    await expect(act(o.officeUser, a.id, 'reopen')).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { reason: expect.any(String) } });
    expect(await act(o.officeUser, a.id, 'reopen', '数据有误')).toMatchObject({ status: 'unit-approved' });
    expect(await statusOf(a.id)).toBe('unit-approved');
  });

  it('asks for the scores of a verified article to be recomputed', async () => {
    const jobs = m.get(JobsService);
    const recomputes = async () => (await jobs.list(o.officeUser, plainToInstance(ListJobsQuery, { name: 'scores.recompute', pageSize: 200 }))).items;
    const before = (await recomputes()).length;
    const a = await article('unit-approved');
    await act(o.officeUser, a.id, 'verify');
    if (m.config.queue.mode === 'inline') await m.get(InlineJobDriver).drain();
    const after = await recomputes();
    expect(after.length).toBe(before + 1);
    expect(after[0].name).toBe('scores.recompute');
  });

  it('returns to the unit (reason required), and a returned article can be submitted again', async () => {
    const a = await article();
    await act(o.officerA, a.id, 'submit');
    await expect(act(o.reviewerA, a.id, 'return', '  ')).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await act(o.reviewerA, a.id, 'return', '标题有误')).toMatchObject({ status: 'returned' });
    expect(await act(o.officerA, a.id, 'submit')).toMatchObject({ status: 'submitted' });
    await act(o.reviewerA, a.id, 'approve');
    // A reviewer returns only what is still at unit level; the office what reached it.
    await expect(act(o.reviewerA, a.id, 'return', '再看看')).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await act(o.officeUser, a.id, 'return', '请补充')).toMatchObject({ status: 'returned' });
  });

  it('rejects from submitted or unit-approved (office only, with a reason); a rejected article moves no further but by reopening', async () => {
    const a = await article();
    await act(o.officerA, a.id, 'submit');
    await expect(act(o.reviewerA, a.id, 'reject', '重复')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await act(o.officeUser, a.id, 'reject', '重复报送')).toMatchObject({ status: 'rejected' });
    await expect(act(o.officerA, a.id, 'submit')).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(act(o.officeUser, a.id, 'verify')).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(await statusOf(a.id)).toBe('rejected');
  });

  it.each<[string, EntryStatus, 'officerA' | 'reviewerA' | 'officeUser', ReviewAction, string]>([
    ['an officer approving', 'submitted', 'officerA', 'approve', 'forbidden'],
    ['an officer verifying', 'unit-approved', 'officerA', 'verify', 'forbidden'],
    ['a reviewer verifying', 'unit-approved', 'reviewerA', 'verify', 'forbidden'],
    ['the office submitting', 'draft', 'officeUser', 'submit', 'forbidden'],
    ['verifying a draft', 'draft', 'officeUser', 'verify', 'invalid_transition'],
    ['verifying what the unit has not approved', 'submitted', 'officeUser', 'verify', 'invalid_transition'],
    ['approving a draft', 'draft', 'reviewerA', 'approve', 'invalid_transition'],
    ['submitting twice', 'submitted', 'officerA', 'submit', 'invalid_transition'],
    ['reopening a draft', 'draft', 'officeUser', 'reopen', 'invalid_transition'],
  ])('refuses %s (from %s, as %s, %s) with %s and leaves the article as it was', async (_what, from, who, action, code) => {
    const a = await article(from);
    await expect(act(o[who], a.id, action, '原因')).rejects.toMatchObject({ code });
    expect(await statusOf(a.id)).toBe(from);
  });

  it('needs evidence for a submitted placement, and keeps a placement from getting ahead of its article', async () => {
    const outlet = await m.f.outlets.create({ officeId: o.office.id, level: 'municipal', channel: 'media' });
    const a = await article();
    const p = await m.f.placements.create({ article: a, outlet, publishedAt: '2023-05-12', status: 'draft' });
    await expect(act(o.officerA, a.id, 'submit')).rejects.toMatchObject({ code: 'evidence_required', fieldErrors: { 'placements.0.evidence': expect.any(String) } });
    expect(await statusOf(a.id)).toBe('draft');
    await expect(review.act(o.officerA, 'placements', p.id, 'submit')).rejects.toMatchObject({ code: 'parent_not_ready' });
  });

  it('answers a bulk review item by item: the legal moves happen, the others say why', async () => {
    const [ok, bad] = [await article('submitted'), await article('draft')];
    const res = await review.bulk(o.reviewerA, { action: 'approve', items: [{ type: 'articles', id: ok.id }, { type: 'articles', id: bad.id }] } as never);
    expect(res).toMatchObject({ succeeded: 1, failed: 1 });
    expect(res.results[1]).toMatchObject({ ok: false, id: bad.id, code: 'invalid_transition' });
    expect([await statusOf(ok.id), await statusOf(bad.id)]).toEqual(['unit-approved', 'draft']);
  });
});
