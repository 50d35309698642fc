/**
 * Standalone DOCX render at province size (issue #15): `node -r ./test/bench/register.js test/bench/docx-render.ts [units] [groups] [out]`.
 * Builds the notice data the publication job hands the renderer (units in `groups` ranking groups,
 * the 300 listed adoptions, a few excluded entries), writes the DOCX once to a file as the
 * publication job does and reports
 * wall time, the document's size and peak RSS (process.resourceUsage().maxRSS) above the baseline
 * taken before rendering. Not part of `npm run bench`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { largeNoticeFixture } from '@app/notice/testing/notice-fixtures';
import { writeNoticeDocx } from '../../apps/api/src/notices/render/notice-docx';

export function provinceNotice(units: number, groups: number) {
  const data = largeNoticeFixture(units, 300);
  const names = Array.from({ length: groups }, (_, g) => `第${g + 1}组`);
  const rows = data.overall.map((r, i) => ({ ...r, groupName: names[i % groups], groupRank: Math.floor(i / groups) + 1 }));
  data.overall = rows;
  data.groups = names.map((groupName) => ({ groupName, rows: rows.filter((r) => r.groupName === groupName) }));
  data.summary = {
    ...data.summary,
    excluded: Array.from({ length: 40 }, (_, i) => ({ type: 'article', id: i + 1, title: `未核定稿件${i + 1}`, unitName: rows[i].unitName })),
  };
  return data;
}

export async function main(argv: string[]): Promise<void> {
  const units = Number(argv[0] ?? 2000);
  const groups = Number(argv[1] ?? 20);
  const out = argv[2] ?? '/tmp/docx-render.docx';
  const data = provinceNotice(units, groups);
  global.gc?.();
  const base = process.resourceUsage().maxRSS;
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const file = createWriteStream(out);
  await writeNoticeDocx(file, data);
  file.end();
  await once(file, 'finish');
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS;
  console.log(
    JSON.stringify({ units, groups, ms: Math.round(ms), bytes: file.bytesWritten, rssBeforeMB: Math.round(rssBefore / 2 ** 20), peakMB: Math.round(peak / 1024), aboveBaselineMB: Math.round((peak - base) / 1024) }),
  );
}

if (require.main === module) void main(process.argv.slice(2));
