// Deleted evidence leaves the disk once the deleting transaction has committed (issue #11), so
// backups do not grow with deleted data. Files are content-addressed: one stored file can serve
// several evidence rows, and it stays while any row still refers to it.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { testBackends } from '../utils/backends';
import { createDraftPlacement } from '../utils/recording';
import { bearer, createTestApp, type TestApp } from '../utils/app';

const png = (fill: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, fill)]);

describe.each(testBackends('evidence_files'))('evidence files on disk ($label)', (backend) => {
  let t: TestApp;
  let officer: string;
  let outletId: number;

  beforeAll(async () => {
    t = await createTestApp(backend);
    officer = await t.login('officer');
    const outlets = await t.http().get('/api/outlets?pageSize=1').set(bearer(officer));
    outletId = outlets.body.items[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const stored = () => new Set(fs.existsSync(path.join(t.dataDir, 'files')) ? fs.readdirSync(path.join(t.dataDir, 'files')) : []);

  const draftPlacement = (title: string) => createDraftPlacement(t, officer, outletId, title);

  async function attach(placementId: number, content: Buffer, name: string): Promise<{ id: number }> {
    const res = await t.http().post(`/api/placements/${placementId}/evidence`).set(bearer(officer)).attach('file', content, name);
    expect(res.status).toBe(201);
    return { id: res.body.id };
  }

  /** The FileStore's name for a PNG: its SHA-256 and extension. */
  const keyOf = (content: Buffer) => `${createHash('sha256').update(content).digest('hex')}.png`;

  it('removes a deleted file, and keeps one another row still refers to until that row goes too', async () => {
    const first = await draftPlacement('证明材料删除测试一');
    const second = await draftPlacement('证明材料删除测试二');
    const shared = png(7);
    const single = png(8);
    const a = await attach(first, shared, '剪报.png');
    const b = await attach(second, shared, '同一张剪报.png');
    const c = await attach(first, single, '另一张.png');
    expect([...stored()]).toEqual(expect.arrayContaining([keyOf(shared), keyOf(single)]));

    expect((await t.http().delete(`/api/evidence/${c.id}`).set(bearer(officer))).status).toBe(204);
    expect(stored().has(keyOf(single))).toBe(false);

    expect((await t.http().delete(`/api/evidence/${a.id}`).set(bearer(officer))).status).toBe(204);
    expect(stored().has(keyOf(shared))).toBe(true);
    const stillThere = await t.http().get(`/api/evidence/${b.id}`).set(bearer(officer)).buffer(true);
    expect(stillThere.status).toBe(200);
    expect(Buffer.compare(stillThere.body as Buffer, shared)).toBe(0);

    expect((await t.http().delete(`/api/evidence/${b.id}`).set(bearer(officer))).status).toBe(204);
    expect(stored().has(keyOf(shared))).toBe(false);
  });

  it('keeps the file when the delete is refused', async () => {
    const placement = await draftPlacement('证明材料删除被拒测试');
    const content = png(9);
    const evidence = await attach(placement, content, '剪报.png');
    const otherUnit = await t.login('officer2');
    // Another unit's officer may not delete it: nothing changes, on disk either.
    expect((await t.http().delete(`/api/evidence/${evidence.id}`).set(bearer(otherUnit))).status).toBe(404);
    expect(stored().has(keyOf(content))).toBe(true);
  });

  it('removes the files of a deleted draft placement, but not a file another placement still shows', async () => {
    const doomed = await draftPlacement('删除录用记录测试');
    const keeper = await draftPlacement('保留录用记录测试');
    const own = png(10);
    const shared = png(11);
    await attach(doomed, own, '自己的.png');
    await attach(doomed, shared, '共用的.png');
    await attach(keeper, shared, '共用的.png');
    expect((await t.http().delete(`/api/placements/${doomed}`).set(bearer(officer))).status).toBe(204);
    expect(stored().has(keyOf(own))).toBe(false);
    expect(stored().has(keyOf(shared))).toBe(true);
  });

  it('uploads the same content again after it was deleted', async () => {
    const placement = await draftPlacement('删除后重新上传测试');
    const content = png(12);
    const first = await attach(placement, content, '剪报.png');
    expect((await t.http().delete(`/api/evidence/${first.id}`).set(bearer(officer))).status).toBe(204);
    expect(stored().has(keyOf(content))).toBe(false);
    const again = await attach(placement, content, '剪报.png');
    const download = await t.http().get(`/api/evidence/${again.id}`).set(bearer(officer)).buffer(true);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
  });
});
