// The golden conversion test (issue #12): on the bench's district dataset, every stored scheme
// version — the standard preset (now written in format 2) and format-1 variants with outlet
// overrides, multipliers, caps, floors, top-up, highest and sum — is scored by the wired path
// (the scores.recompute job, format-2 engine) and by today's engine called directly on the same
// loaded records; the stored lines must be the same lines: unit, record, rule and amount.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { RULE_IDS, compareQuarter, compileScheme, parseScheme, scoreQuarter, type SchemeDocument } from '@app/scoring';
import { toEngineInput } from '../../apps/api/src/score-ledger/engine-input';
import { RecordsLoader } from '../../apps/api/src/score-ledger/records-loader';
import { toRow } from '../../apps/api/src/score-ledger/score-ledger.repository';
import { datasetFor, insertDataset, officeRefs } from '../bench/seed-db';
import { bearer, createTestApp, type TestApp } from '../utils/app';
import { testBackends } from '../utils/backends';

const STANDARD = fs.readFileSync(path.join(__dirname, '../../config/schemes/standard.yaml'), 'utf8');
const FORMAT1 = fs.readFileSync(path.join(__dirname, '../fixtures/standard-format1.yaml'), 'utf8');

/** The rule ids today's engine gives the lines the format-2 engine names differently. */
const TODAY_RULE_ID: Record<string, string> = {
  'commission.on-time': 'commission.fulfilled',
  'commission.late': 'commission.missed',
  'bonuses.channel-cap': 'cap',
  'bonuses.cap': 'cap',
  'net.floor': 'floor',
};

function standard1(): SchemeDocument {
  const r = parseScheme(FORMAT1);
  if (!r.ok) throw new Error('the format-1 fixture does not parse');
  return r.scheme;
}

/** A format-1 variant of the standard preset, as YAML text. */
const variant = (patch: Partial<SchemeDocument>) => stringify({ ...standard1(), ...patch });

interface Line { unitId: number; recordType: string; recordId: number; articleId: number | null; ruleId: string; amount: number }
const key = (l: Line) => `${l.unitId} ${l.recordType} ${l.recordId} ${l.articleId ?? '-'} ${l.ruleId} ${l.amount}`;

describe.each(testBackends('scheme-golden'))('scheme format 2: golden conversion on the bench dataset ($label)', (backend) => {
  let t: TestApp;
  let ds: DataSource;
  let officeId: number;
  /** Scheme text in force per quarter (the first 2025 quarter runs the format-2 standard preset). */
  let texts: { from: string; format1: string; stored: string }[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    ds = t.app.get(DataSource);
    const refs = await officeRefs(ds);
    officeId = refs.officeId;
    await insertDataset(ds, refs, datasetFor('district', 11, refs));
    const [o1, o2] = refs.outlets;
    texts = [
      { from: '2025-Q1', format1: FORMAT1, stored: STANDARD },
      {
        from: '2025-Q2',
        format1: '',
        stored: variant({
          outletOverrides: [{ outlet: o1.code, points: 45 }, { outlet: o2.code, points: 0.5 }],
          multipliers: {
            prominence: { headline: 2.5, front: 1.3, normal: 1 },
            lengthBands: [{ minWords: 0, maxWords: 999, factor: 0.8 }, { minWords: 1000, maxWords: 2999, factor: 1 }, { minWords: 3000, factor: 1.25 }],
            medium: { tv: 1.2, web: 0.7, 'new-media': 0.9 },
            genre: { 言论: 1.5, 通讯: 1.1 },
          },
          repeatAdoption: 'highest',
          jointSplit: 'equal',
          caps: { overall: 80, media: 40, bulletin: 60 },
          floor: -3,
        }),
      },
      { from: '2025-Q3', format1: '', stored: variant({ repeatAdoption: 'sum', jointSplit: 'first-unit', caps: { overall: null, media: null, bulletin: 25 }, commission: { fulfilled: 2, missed: -1.5 } }) },
      { from: '2025-Q4', format1: '', stored: variant({ floor: 300, monthlyReport: { dueDay: 10, late: -0.25, missing: -3 } }) },
    ].map((v) => ({ ...v, format1: v.format1 || v.stored }));

    const office = await t.login('office');
    for (const v of texts) {
      const res = await t.http().post('/api/schemes').set(bearer(office)).send({ effectiveFrom: v.from, document: v.stored, note: `golden ${v.from}` });
      if (res.status !== 201) throw new Error(`version ${v.from} refused: ${JSON.stringify(res.body)}`);
      const job = await t.waitForJob(office, res.body.recomputeJob.id, 120_000);
      if (job.status !== 'done') throw new Error(`recompute from ${v.from} ${job.status}`);
    }
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  it('stores, for every version, exactly the lines today\'s engine gives on the same loaded records', async () => {
    const asOfDate = t.clock.today();
    const loader = t.app.get(RecordsLoader);
    const quarters = ((await ds.query('SELECT DISTINCT quarter FROM score_lines WHERE officeId = ?', [officeId])) as { quarter: string }[])
      .map((r) => r.quarter)
      .filter((q) => compareQuarter(q, '2025-Q1') >= 0)
      .sort(compareQuarter);
    expect(quarters.slice(0, 4)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    const rulesSeen = new Set<string>();
    let compared = 0;
    for (const quarter of quarters) {
      const version = [...texts].reverse().find((v) => compareQuarter(v.from, quarter) <= 0)!;
      const compiled = compileScheme(version.format1);
      if (!compiled.ok) throw new Error(`variant ${version.from} does not compile`);
      const input = toEngineInput(await loader.load(officeId, quarter, { asOfDate }));
      const today = scoreQuarter(compiled.scheme, input, quarter).filter((l) => l.amount !== 0).map((l) => toRow(officeId, 0, l));
      const stored: Line[] = (await ds.query('SELECT unitId, recordType, recordId, articleId, ruleId, amount, clause, explanation FROM score_lines WHERE officeId = ? AND quarter = ?', [officeId, quarter]))
        .map((r: Record<string, unknown>) => ({ unitId: Number(r.unitId), recordType: String(r.recordType), recordId: Number(r.recordId), articleId: r.articleId === null ? null : Number(r.articleId), ruleId: String(r.ruleId), amount: Number(r.amount), clause: r.clause }));
      // Format-1 versions keep today's rule ids; the format-2 preset uses its own names.
      const asToday = stored.map((l) => (version.stored === STANDARD ? { ...l, ruleId: TODAY_RULE_ID[l.ruleId] ?? l.ruleId } : l));
      expect(asToday.map(key).sort()).toEqual(today.map(key).sort());
      // Every stored line names the clause that produced it.
      expect(stored.filter((l) => !(l as Line & { clause: unknown }).clause)).toEqual([]);
      for (const l of today) rulesSeen.add(l.ruleId);
      compared += today.length;
    }
    // Not a vacuous comparison: thousands of lines, every rule of today's engine among them.
    expect(compared).toBeGreaterThan(5000);
    expect([...rulesSeen].sort()).toEqual([...RULE_IDS].sort());
  }, 300_000);
});
