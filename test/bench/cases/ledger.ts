// Full recompute of the stored score lines (one quarter, every quarter) and a quarter's ranking
// aggregate beside the same aggregate as one hand-written GROUP BY on the bare driver, in the
// same process, so that the ratio says how far the app is from the database's own limit.
import mysql from 'mysql2/promise';
import { loadPresetText } from '../../../apps/api/src/schemes/scheme-document';
import { loadSchemeText } from '../../../apps/api/src/schemes/scheme-load';
import { scoreVersionQuarter } from '../../../apps/api/src/score-ledger/engine-lines';
import { ScoreLedgerRepository, toRow } from '../../../apps/api/src/score-ledger/score-ledger.repository';
import { ScoreLedgerService } from '../../../apps/api/src/score-ledger/score-ledger.service';
import { ScoresService } from '../../../apps/api/src/score-ledger/scores.service';
import { SchemesService } from '../../../apps/api/src/schemes/schemes.service';
import { PUBLISH_QUARTER, QUARTERS, type SizeName } from '../dataset';
import { datasetFor, officeRefs } from '../seed-db';
import { engineInput } from './engine';
import { peakRssMb, resetPeakRss, round, rowsFigure, scalar, summarize, timeRuns, type BenchApp, type Figure } from '../harness';

/** Timed runs of a recompute stop once they have taken this long (at least one run). */
const RUN_BUDGET_MS = 60_000;

const RAW_SQL = 'SELECT unitId, SUM(amount) AS total FROM score_lines WHERE officeId = ? AND schemeVersionId = ? AND quarter = ? GROUP BY unitId';

async function verifiedPlacements(b: BenchApp, officeId: number, quarters: string[]): Promise<number> {
  const from = `${quarters[0].slice(0, 4)}-${String((Number(quarters[0].slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const last = quarters[quarters.length - 1];
  const to = `${last.slice(0, 4)}-${String(Number(last.slice(-1)) * 3).padStart(2, '0')}-31`;
  return scalar(b.ds, `SELECT COUNT(*) FROM placements p JOIN articles a ON a.id = p.articleId
    WHERE p.officeId = ? AND p.status = 'verified' AND a.status = 'verified' AND p.publishedDate >= ? AND p.publishedDate <= ?`, [officeId, from, to]);
}

export async function runRecompute(b: BenchApp, officeId: number, runs: { one: number; all: number }): Promise<Figure[]> {
  const ledger = b.app.get(ScoreLedgerService);
  const figures: Figure[] = [];
  resetPeakRss();
  let result = { inserted: 0, quarters: [] as string[] };
  const one = await timeRuns(runs.one, async () => {
    result = await ledger.recompute({ officeId, quarters: [PUBLISH_QUARTER], reason: 'bench' });
  }, 0, RUN_BUDGET_MS);
  figures.push({
    ...rowsFigure(`recompute one quarter (${PUBLISH_QUARTER})`, one, await verifiedPlacements(b, officeId, [PUBLISH_QUARTER])),
    lines: result.inserted, peakRssMb: peakRssMb(), notes: ['rows = verified placements in the quarter'],
  });
  resetPeakRss();
  const all = await timeRuns(runs.all, async () => {
    result = await ledger.recompute({ officeId, reason: 'bench' });
  }, 0, RUN_BUDGET_MS);
  figures.push({
    ...rowsFigure('recompute all quarters', all, await verifiedPlacements(b, officeId, QUARTERS)),
    lines: result.inserted, quarters: result.quarters.length, peakRssMb: peakRssMb(),
    notes: [`${result.quarters.length} quarters (${result.quarters[0]}…${result.quarters.at(-1)}): every quarter from the first record to today`],
  });
  return figures;
}

/** The hand-written GROUP BY on the bare driver, with its own connection. */
async function rawAggregate(b: BenchApp) {
  const db = b.config.database;
  if (db.type === 'sqlite') {
    const Database = require('better-sqlite3');
    const conn = new Database(db.file, { readonly: true });
    const stmt = conn.prepare(RAW_SQL);
    const plan = conn.prepare(`EXPLAIN QUERY PLAN ${RAW_SQL}`);
    return {
      run: async (p: unknown[]) => stmt.all(...p) as unknown[],
      explain: async (p: unknown[]) => (plan.all(...p) as { detail: string }[]).map((r) => r.detail).join('; '),
      close: async () => conn.close(),
    };
  }
  const conn = await mysql.createConnection({ uri: db.url, supportBigNumbers: true });
  return {
    run: async (p: unknown[]) => (await conn.query(RAW_SQL, p))[0] as unknown[],
    explain: async (p: unknown[]) => ((await conn.query(`EXPLAIN ${RAW_SQL}`, p))[0] as Record<string, unknown>[])
      .map((r) => `${r.table}: type=${r.type} key=${r.key} rows=${r.rows} ${r.Extra ?? ''}`).join('; '),
    close: async () => conn.end(),
  };
}

/**
 * Stores the quarter's lines when no recompute ran before (the aggregate case alone, or a size
 * where the ledger's recompute is too slow to wait for): the engine scores the same generated
 * dataset and the lines go in through the ledger's own replace.
 */
export async function seedLines(b: BenchApp, officeId: number, versionId: number, size: SizeName, seed: number): Promise<string> {
  const loaded = loadSchemeText(loadPresetText('standard'));
  if (!loaded.ok) throw new Error('the standard preset does not compile');
  const data = datasetFor(size, seed, await officeRefs(b.ds));
  const lines = scoreVersionQuarter(loaded.scheme, engineInput(data), PUBLISH_QUARTER).map((l) => toRow(officeId, versionId, l));
  await b.app.get(ScoreLedgerRepository).replace({ officeId, quarter: PUBLISH_QUARTER, versionIds: [versionId] }, lines);
  return `lines of ${PUBLISH_QUARTER} stored from the engine's output (no recompute ran before this case)`;
}

export async function runAggregate(b: BenchApp, officeId: number, runs: number, size: SizeName, seed: number): Promise<Figure[]> {
  const quarter = PUBLISH_QUARTER;
  const version = (await b.app.get(SchemesService).inForce(officeId, quarter))!;
  let setup = '';
  if ((await scalar(b.ds, 'SELECT COUNT(*) FROM score_lines WHERE officeId = ? AND quarter = ?', [officeId, quarter])) === 0) {
    setup = await seedLines(b, officeId, version.id, size, seed);
  }
  const params = [officeId, version.id, quarter];
  const lines = await scalar(b.ds, 'SELECT COUNT(*) FROM score_lines WHERE officeId = ? AND schemeVersionId = ? AND quarter = ?', params);
  const repo = b.app.get(ScoreLedgerRepository);
  const scores = b.app.get(ScoresService);
  const raw = await rawAggregate(b);
  try {
    const rawRows = (await raw.run(params)).length;
    const appRows = (await repo.totals(officeId, version.id, quarter)).size;
    if (rawRows !== appRows) throw new Error(`aggregate mismatch: raw ${rawRows} units, app ${appRows}`);
    resetPeakRss();
    // Interleaved, so that both see the same cache state and machine noise.
    const rawMs: number[] = [];
    const appMs: number[] = [];
    const rankMs: number[] = [];
    for (let i = -2; i < runs; i++) {
      const t = [process.hrtime.bigint()];
      await raw.run(params);
      t.push(process.hrtime.bigint());
      await repo.totals(officeId, version.id, quarter);
      t.push(process.hrtime.bigint());
      await scores.ranking(officeId, quarter);
      t.push(process.hrtime.bigint());
      if (i < 0) continue;
      rawMs.push(Number(t[1] - t[0]) / 1e6);
      appMs.push(Number(t[2] - t[1]) / 1e6);
      rankMs.push(Number(t[3] - t[2]) / 1e6);
    }
    const rawS = summarize(rawMs);
    const appS = summarize(appMs);
    const rankS = summarize(rankMs);
    const ratio = round(appS.median / rawS.median);
    const rankRatio = round(rankS.median / rawS.median);
    const peak = peakRssMb();
    const plan = await raw.explain(params);
    return [
      { name: `aggregate: hand-written GROUP BY on the driver (${quarter})`, ms: rawS, rows: lines, rowsPerSec: Math.round(lines / (rawS.median / 1000)), units: rawRows, peakRssMb: peak, notes: [`plan: ${plan}`, ...(setup ? [setup] : [])] },
      {
        name: 'aggregate: ScoreLedgerRepository.totals (the app)', ms: appS, rows: lines, ratio, peakRssMb: peak,
        target: '≤ 1.5 × hand-written; < 1 s', pass: ratio <= 1.5 && appS.median < 1000,
      },
      {
        name: 'ranking: ScoresService.ranking (totals + units + placement counts + ranks)', ms: rankS, ratio: rankRatio, peakRssMb: peak,
        notes: ['what GET /api/scores/ranking does; the ratio is to the bare GROUP BY'],
      },
    ];
  } finally {
    await raw.close();
  }
}
