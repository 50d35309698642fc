// The scheme editor API on the demo office (seeded with the standard preset, format 2, as
// version 1 from 2020-Q1): every bad input the scoring issue lists is refused with field-level
// errors and saves nothing, in format 2 and in today's format (still accepted, converted on
// load); copies, edits, diffs, and the refusal to edit a version a ranking used.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { toRow } from '../../apps/api/src/score-ledger/score-ledger.repository';
import { ScoreLine } from '../../apps/api/src/score-ledger/score-line.entity';
import { MAX_DOCUMENT_CHARS } from '../../apps/api/src/schemes/dto/scheme.dto';
import { SchemesService } from '../../apps/api/src/schemes/schemes.service';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const STANDARD = fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8');
/** The same preset in today's format (format 1): still accepted, converted when loaded. */
const FORMAT1 = fs.readFileSync(path.join(__dirname, '../fixtures/standard-format1.yaml'), 'utf8');

/** A text with one exact piece replaced (fails loudly if the piece is not there). */
function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the preset no longer contains: ${from}`);
  return text.replace(from, to);
}
/** The format-1 preset edited. */
const edited = (from: string, to: string) => replaced(FORMAT1, from, to);
/** The format-2 standard preset edited. */
const edited2 = (from: string, to: string) => replaced(STANDARD, from, to);

const MEDIA_ROW2 = '{ label: 媒体采用, when: { channel: media }, points: { central: 30, provincial: 10, municipal: 5, district: 1 } }';
const PROMINENCE_ROW2 = '    prominence: { headline: 2, front: 1.5, normal: 1 }';

const MEDIA_ROW = 'media:    { central: 30, provincial: 10, municipal: 5, district: 1 }';
const BULLETIN_ROW = 'bulletin: { central: 40, provincial: 20, municipal: 10, district: 5 }';
const PROMINENCE_ROW = 'prominence: { headline: 2, front: 1.5, normal: 1 }';

describe.each(testBackends('scoring-schemes'))('scoring: scheme versions API ($label)', (backend) => {
  let t: TestApp;
  let office: string;
  let v1: { id: number; versionNo: number };

  beforeAll(async () => {
    t = await createTestApp(backend);
    office = await t.login('office');
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (token = office) => {
    const res = await t.http().get('/api/schemes').set(bearer(token));
    expect(res.status).toBe(200);
    return res.body as { total: number; items: { id: number; versionNo: number; effectiveFrom: string; effectiveTo: string | null; locked: boolean }[] };
  };

  it('lists the seeded standard preset as version 1 from 2020-Q1, readable by a leader', async () => {
    const body = await list(await t.login('leader'));
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ versionNo: 1, effectiveFrom: '2020-Q1', effectiveTo: null, locked: false, name: '标准计分办法' });
    v1 = body.items[0];
  });

  it('refuses to delete the only version (409 last_version) and lets only the office delete', async () => {
    const officer = await t.http().delete(`/api/schemes/${v1.id}`).set(bearer(await t.login('officer')));
    expect(officer.status).toBe(403);
    const res = await t.http().delete(`/api/schemes/${v1.id}`).set(bearer(office));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('last_version');
    expect((await list()).total).toBe(1);
  });

  it('shows a version with its document and the compiled numbers', async () => {
    const res = await t.http().get(`/api/schemes/${v1.id}`).set(bearer(office));
    expect(res.status).toBe(200);
    expect(res.body.document).toBe(STANDARD);
    expect(res.body.summary).toMatchObject({
      format: 2,
      adoptionRows: [
        { clause: 'adoption.rows[0]', label: '媒体采用', points: { central: '30', district: '1' } },
        { clause: 'adoption.rows[1]', label: '信息简报采用', points: { provincial: '20' } },
      ],
      instructions: { points: { central: '30', district: '5' } },
      repeat: { keep: 'top-up' },
      split: 'shares',
      commission: { onTime: '3', late: '-3', missed: '-3' },
      monthlyReport: { dueDay: 5, late: '-1', missing: '-2' },
      total: { start: '0', bonusCap: null, netFloor: null },
      tieRule: 'competition',
      warnings: [],
    });
  });

  describe('validate (saves nothing)', () => {
    it('accepts the standard preset', async () => {
      const res = await t.http().post('/api/schemes/validate').set(bearer(office)).send({ document: STANDARD });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ valid: true, errors: [], warnings: [] });
    });

    it('accepts the same preset in today\'s format and summarises it as converted: the same numbers', async () => {
      const [old, now] = await Promise.all([FORMAT1, STANDARD].map((document) => t.http().post('/api/schemes/validate').set(bearer(office)).send({ document })));
      expect(old.body).toMatchObject({ valid: true, errors: [], warnings: [], summary: { format: 1 } });
      expect({ ...old.body.summary, format: 2 }).toEqual(now.body.summary);
    });

    it('reports a format-2 field error at its path, line and column', async () => {
      const document = edited2(PROMINENCE_ROW2, PROMINENCE_ROW2.replace('front: 1.5', 'front: -1.5'));
      const res = await t.http().post('/api/schemes/validate').set(bearer(office)).send({ document });
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
      const line = STANDARD.split('\n').indexOf(PROMINENCE_ROW2) + 1;
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: 'adoption.factors.prominence.front', code: 'negative', line, column: PROMINENCE_ROW2.indexOf('front') + 1 }),
      ]);
      expect(res.body.errors[0].message).toContain('不能为负数');
    });

    it('warns of a row that can never match (still valid), with its line', async () => {
      const shadowed = '    - { label: 头条加分, when: { prominence: headline }, points: 50 }';
      const document = STANDARD.replace(/( {4}- \{ label: 信息简报采用[^\n]*\n)/, `$1${shadowed}\n`);
      const line = document.split('\n').indexOf(shadowed) + 1;
      expect(line).toBeGreaterThan(0);
      const res = await t.http().post('/api/schemes/validate').set(bearer(office)).send({ document });
      expect(res.body).toMatchObject({ valid: true, errors: [] });
      expect(res.body.warnings).toEqual([expect.objectContaining({ path: 'adoption.rows[2]', code: 'row_never_matches', line })]);
    });

    it('reports a YAML syntax error with its line and column', async () => {
      // Line 26 is the inserted line; its key starts in column 4 (three spaces in).
      const document = edited(PROMINENCE_ROW, `${PROMINENCE_ROW}\n   lengthBand: []`);
      expect(document.split('\n')[25]).toBe('   lengthBand: []');
      const res = await t.http().post('/api/schemes/validate').set(bearer(office)).send({ document });
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: '', code: 'yaml_syntax', line: 26, column: 4 })]);
      expect(res.body.errors[0].message).toContain('第 26 行第 4 列');
    });

    it.each([
      ['an alias to no anchor', `x: *nowhere\n`, /不存在或尚未定义的锚点/],
      ['aliases that expand without bound', `x0: &a [1,1,1,1,1,1,1,1,1,1]\nx1: &b [${Array(10).fill('*a').join(',')}]\nx2: [${Array(10).fill('*b').join(',')}]\n`, /展开后内容过多/],
    ])('reports %s in a format-2 text as a Chinese YAML error with its place, not a server error', async (_label, tail, message) => {
      const res = await t.http().post('/api/schemes/validate').set(bearer(office)).send({ document: `${STANDARD}\n${tail}` });
      expect(res.status).toBe(200);
      expect(res.body.valid).toBe(false);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: '', code: 'yaml_syntax', line: expect.any(Number), column: expect.any(Number) })]);
      expect(res.body.errors[0].message).toMatch(message);
    });

    it('is for the office: an officer is refused', async () => {
      const res = await t.http().post('/api/schemes/validate').set(bearer(await t.login('officer'))).send({ document: STANDARD });
      expect(res.status).toBe(403);
    });
  });

  describe('create refuses bad input with field-level errors and saves nothing', () => {
    it.each<[string, Record<string, unknown>, string, string]>([
      ['an unknown level', { document: edited(MEDIA_ROW, 'media:    { central: 30, provincial: 10, municipal: 5, district: 1, county: 1 }') }, 'document.basePoints.media.county', '未知级别'],
      ['an unknown channel', { document: edited(BULLETIN_ROW, `${BULLETIN_ROW}\n  radio:    { central: 1, provincial: 1, municipal: 1, district: 1 }`) }, 'document.basePoints.radio', '未知渠道'],
      ['a negative multiplier', { document: edited(PROMINENCE_ROW, 'prominence: { headline: 2, front: -1.5, normal: 1 }') }, 'document.multipliers.prominence.front', '不能为负数'],
      ['a missing base point', { document: edited(BULLETIN_ROW, 'bulletin: { central: 40, provincial: 20, municipal: 10 }') }, 'document.basePoints.bulletin.district', '缺少必填项'],
      ['a YAML syntax error', { document: edited(PROMINENCE_ROW, `${PROMINENCE_ROW}\n   lengthBand: []`) }, 'document', '第 26 行第 4 列'],
      ['a rule naming an unknown outlet', { document: edited('outletOverrides: []', 'outletOverrides:\n  - { outlet: NO-SUCH-OUTLET, points: 50 }') }, 'document.outletOverrides[0].outlet', '未知媒体代码“NO-SUCH-OUTLET”'],
      ['format 2: an unknown level', { document: edited2(MEDIA_ROW2, MEDIA_ROW2.replace('district: 1', 'district: 1, county: 1')) }, 'document.adoption.rows[0].points.county', '未知字段“county”'],
      ['format 2: a negative factor', { document: edited2(PROMINENCE_ROW2, PROMINENCE_ROW2.replace('front: 1.5', 'front: -1.5')) }, 'document.adoption.factors.prominence.front', '不能为负数'],
      ['format 2: a row naming an unknown outlet', { document: edited2('when: { channel: media }', 'when: { channel: media, outlet: NO-SUCH-OUTLET }') }, 'document.adoption.rows[0].when.outlet', '未知媒体代码“NO-SUCH-OUTLET”'],
      ['format 2: a missing table', { document: edited2('adoption:\n', 'adoptions:\n') }, 'document.adoption', '缺少必填项'],
      ['an overlapping effective period (version 1 starts 2020-Q1)', { effectiveFrom: '2020-Q1' }, 'effectiveFrom', '已有第 1 版生效'],
      ['neither a document nor a version to copy', { document: undefined }, 'document', '请填写计分办法内容'],
      ['a version to copy that does not exist', { document: undefined, copyOf: 999999 }, 'copyOf', '不存在'],
    ])('%s', async (_name, override, field, message) => {
      const before = await list();
      const res = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: '2024-Q1', document: STANDARD, ...override });
      expect(res.status).toBe(422);
      expect(res.body.errors[field]).toContain(message);
      expect((await list()).total).toBe(before.total);
    });

    it('a malformed quarter is refused by the request check (400), nothing saved', async () => {
      const before = await list();
      const res = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: '2024Q5', document: STANDARD });
      expect(res.status).toBe(400);
      expect(res.body.errors.effectiveFrom).toContain('季度格式不正确');
      expect((await list()).total).toBe(before.total);
    });

    it('accepts an override naming one of the office\'s outlets', async () => {
      const outlets = await t.http().get('/api/outlets').query({ pageSize: 1 }).set(bearer(office));
      const code = outlets.body.items[0].code as string;
      const res = await t.http().post('/api/schemes/validate').set(bearer(office)).send({ document: edited('outletOverrides: []', `outletOverrides:\n  - { outlet: ${code}, points: 50 }`) });
      expect(res.body).toMatchObject({ valid: true });
    });

    it('is for the office: an officer may not create a version', async () => {
      const res = await t.http().post('/api/schemes').set(bearer(await t.login('officer'))).send({ effectiveFrom: '2024-Q1', document: STANDARD });
      expect(res.status).toBe(403);
    });
  });

  describe('versions', () => {
    let v2: { id: number; version: number };

    it('copies a version into a new one from a later quarter and queues a recompute from there', async () => {
      const res = await t.http().post('/api/schemes').set(bearer(office)).send({ copyOf: v1.id, effectiveFrom: '2024-Q1', note: '复制第 1 版' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ versionNo: 2, effectiveFrom: '2024-Q1', effectiveTo: null, document: STANDARD, note: '复制第 1 版', locked: false });
      expect(res.body.recomputeJob).toMatchObject({ name: 'scores.recompute' });
      v2 = res.body;
      const job = await t.waitForJob(office, res.body.recomputeJob.id);
      expect(job.status).toBe('done');
      // Version 1 now ends the quarter before version 2 starts.
      expect((await list()).items.find((v) => v.id === v1.id)?.effectiveTo).toBe('2023-Q4');
    });

    it('edits a version that no published ranking used, validating the document', async () => {
      const bad = await t.http().patch(`/api/schemes/${v2.id}`).set(bearer(office)).send({ document: edited2(PROMINENCE_ROW2, PROMINENCE_ROW2.replace('front: 1.5', 'front: -1')), version: v2.version });
      expect(bad.status).toBe(422);
      expect(bad.body.errors['document.adoption.factors.prominence.front']).toContain('不能为负数');
      const res = await t.http().patch(`/api/schemes/${v2.id}`).set(bearer(office)).send({
        version: v2.version,
        name: '2024 年计分办法',
        document: edited2(MEDIA_ROW2, MEDIA_ROW2.replace('central: 30', 'central: 40')),
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: '2024 年计分办法', summary: { adoptionRows: [{ points: { central: '40' } }, { points: { central: '40' } }] } });
      expect(res.body.recomputeJob).toMatchObject({ name: 'scores.recompute' });
      await t.waitForJob(office, res.body.recomputeJob.id);
      // A save over an older copy of the form is refused.
      const stale = await t.http().patch(`/api/schemes/${v2.id}`).set(bearer(office)).send({ version: v2.version, note: '过期' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });

    it('diffs two versions leaf by leaf', async () => {
      const res = await t.http().get('/api/schemes/diff').query({ a: v1.id, b: v2.id }).set(bearer(await t.login('leader')));
      expect(res.status).toBe(200);
      expect(res.body.a).toMatchObject({ versionNo: 1 });
      expect(res.body.b).toMatchObject({ versionNo: 2 });
      expect(res.body.changes).toEqual([{ path: 'adoption.rows[0].points.central', before: 30, after: 40 }]);
    });

    it('diffs versions of different formats on their format-2 documents', async () => {
      const old = await t.http().post('/api/schemes').set(bearer(office)).send({ document: FORMAT1, effectiveFrom: '2027-Q1', note: '旧格式' });
      expect(old.status).toBe(201);
      expect(old.body.summary).toMatchObject({ format: 1, adoptionRows: [{ points: { central: '30' } }, { points: { central: '40' } }] });
      await t.waitForJob(office, old.body.recomputeJob.id);
      const res = await t.http().get('/api/schemes/diff').query({ a: v2.id, b: old.body.id }).set(bearer(office));
      expect(res.status).toBe(200);
      expect(res.body.changes).toEqual([{ path: 'adoption.rows[0].points.central', before: 40, after: 30 }]);
      const removed = await t.http().delete(`/api/schemes/${old.body.id}`).set(bearer(office));
      expect(removed.status).toBe(200);
      await t.waitForJob(office, removed.body.recomputeJob.id);
    });

    it('refuses to edit a version a published ranking used (locked through the service)', async () => {
      await t.app.get(SchemesService).lock(v2.id);
      const res = await t.http().patch(`/api/schemes/${v2.id}`).set(bearer(office)).send({ note: '再改一次', version: v2.version });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('scheme_locked');
      const shown = await t.http().get(`/api/schemes/${v2.id}`).set(bearer(office));
      expect(shown.body).toMatchObject({ locked: true, note: '复制第 1 版' });
    });

    it('refuses a new version starting before a locked one, accepts one after it', async () => {
      const early = await t.http().post('/api/schemes').set(bearer(office)).send({ copyOf: v2.id, effectiveFrom: '2023-Q3' });
      expect(early.status).toBe(422);
      expect(early.body.errors.effectiveFrom).toContain('不能早于 2024-Q1');
      const later = await t.http().post('/api/schemes').set(bearer(office)).send({ copyOf: v2.id, effectiveFrom: '2025-Q1' });
      expect(later.status).toBe(201);
      expect(later.body).toMatchObject({ versionNo: 3, locked: false });
      await t.waitForJob(office, later.body.recomputeJob.id);
      expect((await list()).total).toBe(3);
    });

    it('deletes a version no ranking used, with its score lines, and recomputes under the version then in force', async () => {
      const [v3] = (await list()).items.filter((v) => v.versionNo === 3);
      const locked = await t.http().delete(`/api/schemes/${v2.id}`).set(bearer(office));
      expect(locked.status).toBe(409);
      expect(locked.body.code).toBe('scheme_locked');
      // A line computed under version 3 (as a recompute would have stored it).
      const ds = t.app.get(DataSource);
      const me = (await t.http().get('/api/auth/me').set(bearer(office))).body as { officeId: number };
      const [unit] = await ds.query('SELECT id FROM units WHERE officeId = ? ORDER BY id LIMIT 1', [me.officeId]);
      await ds.getRepository(ScoreLine).save(toRow(me.officeId, v3.id, {
        unitId: String(unit.id), quarter: '2025-Q1', amount: 10000, ruleId: 'monthly-report.late', recordType: 'monthly-report', recordId: '1', articleId: null, channel: null, date: '2025-01-06', explanation: '测试',
      } as never));
      const linesOf = async (id: number) => Number((await ds.query('SELECT COUNT(*) AS n FROM score_lines WHERE schemeVersionId = ?', [id]))[0].n);
      expect(await linesOf(v3.id)).toBe(1);

      const res = await t.http().delete(`/api/schemes/${v3.id}`).set(bearer(office));
      expect(res.status).toBe(200);
      expect(res.body.recomputeJob).toMatchObject({ name: 'scores.recompute' });
      expect((await t.waitForJob(office, res.body.recomputeJob.id)).status).toBe('done');
      expect(await linesOf(v3.id)).toBe(0);
      const after = await list();
      expect(after.items.map((v) => v.versionNo).sort()).toEqual([1, 2]);
      expect(after.items.find((v) => v.id === v2.id)?.effectiveTo).toBeNull(); // version 2 runs on again
      expect((await t.http().get(`/api/schemes/${v3.id}`).set(bearer(office))).status).toBe(404);
      const audit = await t.http().get(`/api/audit?entity=scheme_version&entityId=${v3.id}`).set(bearer(office));
      expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
      expect((await t.http().delete(`/api/schemes/${v3.id}`).set(bearer(office))).status).toBe(404);
    });

    it('stores a document up to the size limit on every backend and refuses a longer one', async () => {
      const padded = (chars: number) => `${STANDARD}\n# ${'注'.repeat(chars - STANDARD.length - 3)}`;
      const tooLong = await t.http().post('/api/schemes').set(bearer(office)).send({ document: padded(MAX_DOCUMENT_CHARS + 1), effectiveFrom: '2026-Q1' });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.errors.document).toBeDefined();
      const longest = await t.http().post('/api/schemes').set(bearer(office)).send({ document: padded(MAX_DOCUMENT_CHARS), effectiveFrom: '2026-Q1' });
      expect(longest.status).toBe(201);
      expect((await t.http().get(`/api/schemes/${longest.body.id}`).set(bearer(office))).body.document).toBe(padded(MAX_DOCUMENT_CHARS));
      await t.waitForJob(office, longest.body.recomputeJob.id);
      const removed = await t.http().delete(`/api/schemes/${longest.body.id}`).set(bearer(office));
      expect(removed.status).toBe(200);
      await t.waitForJob(office, removed.body.recomputeJob.id);
    });

    it('answers 404 for another office\'s or a missing version', async () => {
      const res = await t.http().get('/api/schemes/999999').set(bearer(office));
      expect(res.status).toBe(404);
    });
  });

  it('refuses a preview of an invalid draft with the same field errors', async () => {
    const res = await t.http().post('/api/schemes/preview').set(bearer(office)).send({ quarter: '2024-Q1', document: edited(BULLETIN_ROW, 'bulletin: { central: 40, provincial: 20, municipal: 10 }') });
    expect(res.status).toBe(422);
    expect(res.body.errors['document.basePoints.bulletin.district']).toContain('缺少必填项');
  });
});
