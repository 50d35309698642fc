// Engine throughput, in process and without a database: the dataset is generated in memory and
// turned into the engine's input the way RecordsLoader builds it (verified records only).
import { scoreAll2, scoreQuarter2, type ScoringInput } from '@app/scoring';
import { loadPresetText } from '../../../apps/api/src/schemes/scheme-document';
import { loadSchemeText } from '../../../apps/api/src/schemes/scheme-load';
import { QUARTERS, type Dataset, type SizeName } from '../dataset';
import { peakRssMb, resetPeakRss, rowsFigure, timeRuns, type Figure } from '../harness';
import { datasetFor, demoRefs } from '../seed-db';

/** Past every deadline of the dataset's year, fixed so that runs on different days agree. */
const AS_OF = '2026-06-30';

export function engineInput(data: Dataset): ScoringInput {
  const verifiedArticles = new Set(data.articles.filter((a) => a.status === 'verified').map((a) => a.id));
  const outlets = new Map(demoRefs().outlets.map((o) => [o.id, o]));
  return {
    units: data.units.map((u) => ({ id: String(u.id), code: u.code, name: u.name, groupId: String(u.groupId), groupName: u.groupName })),
    articles: data.articles.filter((a) => verifiedArticles.has(a.id)).map((a) => ({
      id: String(a.id), title: a.title, submittedDate: a.submittedDate, wordCount: a.wordCount, genre: a.genre,
      units: a.units.map((u) => ({ unitId: String(u.unitId), sharePercent: u.shareBp === null ? null : String(u.shareBp / 100) })),
    })),
    placements: data.placements.filter((p) => p.status === 'verified' && verifiedArticles.has(p.articleId)).map((p) => {
      const o = outlets.get(p.outletId)!;
      return {
        id: String(p.id), articleId: String(p.articleId), outletId: String(o.id), outletCode: o.code, outletName: o.name,
        level: o.level, channel: o.channel, medium: o.medium as never, prominence: p.prominence, publishedDate: p.publishedDate,
      };
    }),
    instructions: data.instructions.map((i) => ({ id: String(i.id), articleId: String(i.articleId), leaderTitle: i.leaderTitle, level: i.level, date: i.instructedDate })),
    commissions: data.commissions.map((c) => ({
      id: String(c.id), topic: c.topic, deadline: c.deadline,
      targets: c.targets.map((t) => ({ unitId: String(t.unitId), answeredArticleSubmittedDate: t.articleId && verifiedArticles.has(t.articleId) ? data.articles[t.articleId - 1].submittedDate : null })),
    })),
    monthlyReports: data.monthlyReports.map((r) => ({ unitId: String(r.unitId), month: r.month, filedDate: r.filedDate })),
    asOfDate: AS_OF,
  };
}

export async function runEngine(size: SizeName, seed: number, runs: number): Promise<Figure[]> {
  const t0 = Date.now();
  const input = engineInput(datasetFor(size, seed, demoRefs()));
  const buildMs = Date.now() - t0;
  // The format-2 engine the server scores with, on the standard preset (format 2; the same
  // numbers as today's format, see the golden test).
  const loaded = loadSchemeText(loadPresetText('standard'));
  if (!loaded.ok) throw new Error('the standard preset does not compile');
  const scheme = loaded.scheme.compiled;
  resetPeakRss();
  let lines = 0;
  const all = await timeRuns(runs, () => {
    lines = scoreAll2(scheme, input, QUARTERS).length;
  }, 1);
  const figures: Figure[] = [];
  const n = input.placements.length;
  const fig = rowsFigure('engine: score all 4 quarters (scoreAll2, format 2)', all, n);
  figures.push({ ...fig, lines, peakRssMb: peakRssMb(), target: '≥ 100,000 placements/s', pass: (fig.rowsPerSec ?? 0) >= 100_000, notes: [`input built in ${buildMs} ms; ${n} verified placements, ${input.articles.length} articles`] });
  // The ledger scores one quarter at a time from that quarter's input; this is the engine's share of it.
  const perQuarter = await timeRuns(runs, () => {
    for (const q of QUARTERS) scoreQuarter2(scheme, input, q);
  });
  figures.push({ ...rowsFigure('engine: 4 × scoreQuarter2 (re-indexing each time)', perQuarter, n), peakRssMb: peakRssMb() });
  return figures;
}
