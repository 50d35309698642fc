// Entries made through the API, as an officer would: for suites about what happens around
// them (evidence files, backups), not about recording itself.
import type { DataSource } from 'typeorm';
import { bearer, type TestApp } from './app';
import { noonOf } from './clock';

/** A draft article with one draft placement in `outletId`; returns the placement's id. */
export async function createDraftPlacement(t: TestApp, token: string, outletId: number, title: string): Promise<number> {
  // Officers record on the day an article reaches the office (they cannot back-date): the clock stands there.
  const article = await t.clock.during(noonOf('2024-04-01'), () => t.http().post('/api/articles').set(bearer(token)).send({ title, submittedAt: '2024-04-01' }));
  if (article.status !== 201) throw new Error(`article: ${article.status} ${JSON.stringify(article.body)}`);
  const placement = await t.http().post(`/api/articles/${article.body.id}/placements`).set(bearer(token)).send({ outletId, publishedAt: '2024-04-10' });
  if (placement.status !== 201) throw new Error(`placement: ${placement.status} ${JSON.stringify(placement.body)}`);
  return placement.body.id as number;
}

/**
 * How many score recomputes were asked for whose scope (business key) mentions `scope`, e.g.
 * `quarters:%2026-Q2` or `articles:%12`: stored requests and the jobs they became.
 */
export async function recomputeRequests(ds: DataSource, scope: string): Promise<number> {
  const rows = await ds.query(
    `SELECT COUNT(*) AS n FROM (SELECT businessKey FROM jobs WHERE name = 'scores.recompute' UNION ALL SELECT businessKey FROM job_requests WHERE name = 'scores.recompute') k
     WHERE k.businessKey LIKE ?`,
    [`%${scope}%`],
  );
  return Number(rows[0].n);
}

/**
 * Logs in a second office user (created by the admin, initial password changed): 加减分 need
 * one office user to record and another to approve.
 */
export async function secondOfficeUser(t: TestApp, username = 'office2', displayName = '办公室 刘洋'): Promise<string> {
  const admin = await t.login('admin');
  const created = await t.http().post('/api/users').set(bearer(admin)).send({ username, displayName, role: 'office', password: 'Temp@2026abc' });
  if (created.status !== 201) throw new Error(`${username}: ${created.status} ${JSON.stringify(created.body)}`);
  const first = await t.login(username, 'Temp@2026abc');
  const changed = await t.http().post('/api/auth/password').set(bearer(first)).send({ currentPassword: 'Temp@2026abc', newPassword: 'Second@2026pw' });
  if (changed.status !== 200) throw new Error(`${username} password: ${changed.status} ${JSON.stringify(changed.body)}`);
  return t.login(username, 'Second@2026pw');
}

export const CLIPPING_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/**
 * Uploads a clipping to each placement of the article that has no evidence yet: submitting
 * needs evidence (unless the scheme lets it follow later), as it does for a person.
 */
export async function proveArticle(t: TestApp, token: string, articleId: number): Promise<void> {
  const list = await t.http().get(`/api/articles/${articleId}/placements`).set(bearer(token));
  if (list.status !== 200) throw new Error(`placements: ${list.status} ${JSON.stringify(list.body)}`);
  for (const p of list.body as { id: number; evidence: unknown[] }[]) {
    if (p.evidence.length > 0) continue;
    const res = await t.http().post(`/api/placements/${p.id}/evidence`).set(bearer(token)).attach('file', CLIPPING_PNG, '剪报.png');
    if (res.status !== 201) throw new Error(`evidence: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
