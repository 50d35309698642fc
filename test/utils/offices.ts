// Steps through the API that the office-tree suites share: setting up an office's people,
// recording an adoption through to verification, publishing a quarter.
import { bearer, type TestApp } from './app';
import { noonOf } from './clock';
import { proveArticle } from './recording';

export const TEMP_PASSWORD = 'Temp@2026abc';
export const OWN_PASSWORD = 'Office@2026pw';

type Answer = { status: number; body: unknown };

export function officeSteps(app: () => TestApp) {
  const post = (token: string, url: string, body: object = {}) => app().http().post(url).set(bearer(token)).send(body);
  const get = (token: string, url: string) => app().http().get(url).set(bearer(token));
  /** The answer, or a thrown error naming the step when its status is not `status`. */
  const must = async <R extends Answer>(what: string, res: R | Promise<R>, status: number): Promise<R> => {
    const r = await res;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  /** First login with the temporary password, then the user's own one. */
  const activate = async (username: string) => {
    const first = await app().login(username, TEMP_PASSWORD);
    await must(`${username} password`, post(first, '/api/auth/password', { currentPassword: TEMP_PASSWORD, newPassword: OWN_PASSWORD }), 200);
    return app().login(username, OWN_PASSWORD);
  };
  /** An article submitted on `submittedAt` with one placement in `outletId` and its proof, recorded, approved and verified in one office. */
  const recordVerified = async (officer: string, reviewer: string, office: string, title: string, outletId: number, submittedAt = '2025-02-01') => {
    // Officers record on the day an article reaches the office (they cannot back-date): the clock stands there.
    const article = await must('article', app().clock.during(noonOf(submittedAt), () => post(officer, '/api/articles', { title, submittedAt })), 201);
    const placement = await must('placement', post(officer, `/api/articles/${article.body.id}/placements`, { outletId, publishedAt: submittedAt.replace(/-\d\d$/, '-10') }), 201);
    await proveArticle(app(), officer, article.body.id);
    await must('submit', post(officer, `/api/review/articles/${article.body.id}/submit`), 200);
    await must('approve', post(reviewer, `/api/review/articles/${article.body.id}/approve`), 200);
    await must('verify', post(office, `/api/review/articles/${article.body.id}/verify`), 200);
    return { articleId: article.body.id as number, placementId: placement.body.id as number };
  };
  /** The id of the outlet named `name` in the caller's catalogue. */
  const outletId = async (token: string, name: string) => {
    const res = await must('outlets', get(token, `/api/outlets?q=${encodeURIComponent(name)}`), 200);
    return (res.body.items as { id: number; name: string }[]).find((o) => o.name === name)!.id;
  };
  /** Closes and publishes `quarter` as the office, through the queue. */
  const publish = async (office: string, quarter: string) => {
    await must('close', post(office, `/api/quarters/${quarter}/close`), 200);
    const job = await must('publish', post(office, `/api/quarters/${quarter}/publish`), 202);
    const done = await app().waitForJob(office, job.body.id, 60_000);
    if (done.status !== 'done') throw new Error(`publish: ${JSON.stringify(done)}`);
  };
  return { post, get, must, activate, recordVerified, outletId, publish };
}
