// The server side of the HTTP case: the real app listening on loopback in its own process (so
// that the load generator does not share its event loop), with sessions for the three roles
// and draft articles of the officer's unit to attach new placements to.
import request from 'supertest';
import { SchemesService } from '../../../apps/api/src/schemes/schemes.service';
import { PUBLISH_QUARTER, type SizeName } from '../dataset';
import { peakRssMb, resetPeakRss, scalar, type BenchApp } from '../harness';
import { seedLines } from './ledger';

export interface HttpTarget {
  port: number;
  tokens: Record<'officer' | 'office' | 'leader', string>;
  articleIds: number[];
  outletIds: number[];
  quarter: string;
}

const ARTICLES = 20;

export async function startHttpServer(b: BenchApp, officeId: number, size: SizeName, seed: number): Promise<HttpTarget> {
  if ((await scalar(b.ds, 'SELECT COUNT(*) FROM score_lines WHERE officeId = ? AND quarter = ?', [officeId, PUBLISH_QUARTER])) === 0) {
    const version = (await b.app.get(SchemesService).inForce(officeId, PUBLISH_QUARTER))!;
    await seedLines(b, officeId, version.id, size, seed);
  }
  const http = () => request(b.app.getHttpServer());
  const tokens = {} as HttpTarget['tokens'];
  for (const username of ['officer', 'office', 'leader'] as const) {
    const res = await http().post('/api/auth/login').send({ username, password: b.config.demo.password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    tokens[username] = res.body.token;
  }
  const articleIds: number[] = [];
  // Recorded by the office for the officer's unit: only the office may date an article in the past.
  const ownerUnitId = (await http().get('/api/auth/me').set({ Authorization: `Bearer ${tokens.officer}` })).body.unitId as number;
  for (let i = 0; i < ARTICLES; i++) {
    const res = await http().post('/api/articles').set({ Authorization: `Bearer ${tokens.office}` })
      .send({ title: `压力测试稿件 ${Date.now()}-${i}`, submittedAt: '2025-06-01', wordCount: 1200, genre: '消息', ownerUnitId });
    if (res.status !== 201) throw new Error(`create article: ${res.status} ${JSON.stringify(res.body)}`);
    articleIds.push(res.body.id);
  }
  const outletIds = (await b.ds.query('SELECT id FROM outlets WHERE officeId = ? AND active = ? ORDER BY id', [officeId, 1])).map((r: { id: unknown }) => Number(r.id));
  await b.app.listen(0, '127.0.0.1');
  const address = b.app.getHttpServer().address() as { port: number };
  resetPeakRss();
  return { port: address.port, tokens, articleIds, outletIds, quarter: PUBLISH_QUARTER };
}

export const serverPeak = () => ({ peakRssMb: peakRssMb() });
