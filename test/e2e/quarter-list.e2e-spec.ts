import { testBackends } from '../utils/backends';
import { noonOf } from '../utils/clock';
import { bearer, createTestApp, type TestApp } from '../utils/app';

/** Today's quarter in Asia/Shanghai and the two before it, newest first (what the server calls today). */
function recentQuarters(): string[] {
  const [y, m] = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);
  const out: string[] = [];
  for (let year = y, n = Math.ceil(m / 3); out.length < 3; n === 1 ? ((year -= 1), (n = 4)) : (n -= 1)) out.push(`${year}-Q${n}`);
  return out;
}

// Issue #16: quarter pickers listed nine quarters whatever the office had recorded, so the first
// quarters of a new office were empty choices. The list starts at the office's first record.
describe.each(testBackends('quarter-list'))('the quarter list starts at the first record ($label)', (backend) => {
  let t: TestApp;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const listed = async () => ((await t.http().get('/api/quarters').set(bearer(officer))).body as { quarter: string }[]).map((q) => q.quarter);

  it('lists only the current quarter before anything is recorded, then from the first record on', async () => {
    const [current, previous, before] = recentQuarters();
    expect(await listed()).toEqual([current]);
    const submittedAt = `${before.slice(0, 4)}-${String((Number(before.slice(6)) - 1) * 3 + 2).padStart(2, '0')}-15`;
    const article = await t.clock.during(noonOf(submittedAt), () => t.http().post('/api/articles').set(bearer(officer)).send({ title: '第一篇录入的稿件（季度列表）', submittedAt }));
    expect(article.status).toBe(201);
    expect(await listed()).toEqual([current, previous, before]);
  });
});
