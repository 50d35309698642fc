// Micro-benchmark of the format-2 engine (issue #12): placements scored per second for the
// compiled standard scheme (converted to format 2), beside today's engine on the same input.
// Run: node -r ./test/bench/register.js test/bench/scheme2-engine.ts [placements] [only cases containing this text]
// Prints figures only; nothing asserts on time.
import { readFileSync } from 'fs';
import { join } from 'path';
import { compileScheme2, convertScheme1To2, normalizeScheme, parseScheme, scoreAll, scoreAll2 } from '@app/scoring';
import { generateInput } from '../../libs/scoring/test/generate';

const QUARTERS = ['2023-Q2', '2023-Q3', '2023-Q4'];
const target = Number(process.argv[2] ?? 200_000);
const only = process.argv[3] ?? '';
const input = generateInput({ seed: 42, units: 600, articles: Math.round(target / 2.5), maxPlacements: 4, quarters: QUARTERS, asOfDate: '2024-01-20' });
const n = input.placements.length;
const parsed = parseScheme(readFileSync(join(__dirname, '../../test/fixtures/standard-format1.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('standard.yaml does not parse');

function measure(label: string, run: () => number, runs = 5): void {
  if (!label.includes(only)) return;
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    lines = run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(runs / 2)];
  console.log(`${label}: ${n} placements, ${lines} lines; first ${times[0].toFixed(0)} ms, median ${median.toFixed(0)} ms → ${Math.round(n / (median / 1000)).toLocaleString('en')} placements/s (first run ${Math.round(n / (times[0] / 1000)).toLocaleString('en')}/s)`);
}

const v1 = normalizeScheme(parsed.scheme);
measure("today's engine, standard", () => scoreAll(v1, input, QUARTERS).length);
const example1 = readFileSync(join(__dirname, '../../config/schemes/examples/example-1-value-tables.yaml'), 'utf8');
// A fresh compile per run, so the first run includes filling the lookup.
measure('format 2, standard converted (compile + score)', () => scoreAll2(compileScheme2(convertScheme1To2(parsed.scheme)), input, QUARTERS).length);
const v2 = compileScheme2(convertScheme1To2(parsed.scheme));
measure('format 2, standard converted (compiled once)', () => scoreAll2(v2, input, QUARTERS).length);
const e1 = compileScheme2(example1);
measure('format 2, 示例一 (best-per-level, reach bonus)', () => scoreAll2(e1, input, QUARTERS).length);
