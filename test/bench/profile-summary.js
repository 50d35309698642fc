#!/usr/bin/env node
// Where a case process spent its CPU: self and total time per function from a V8 .cpuprofile
// (`npm run bench -- --profile` writes them to bench-results/profiles/).
//   node test/bench/profile-summary.js bench-results/profiles/CPU.*.cpuprofile [--top 30] [--filter apps/]
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || (args.includes('--top') ? 30 : 30);
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : null;
const files = args.filter((a, i) => a.endsWith('.cpuprofile') && args[i - 1] !== '--filter');
const root = path.resolve(__dirname, '../..');

for (const file of files) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const dt = p.timeDeltas;
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const totalUs = [...self.values()].reduce((a, b) => a + b, 0);
  const label = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${path.relative(root, f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const selfBy = new Map();
  const totalBy = new Map();
  for (const [id, us] of self) {
    const n = byId.get(id);
    selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur));
      if (seen.has(l)) continue;
      seen.add(l);
      totalBy.set(l, (totalBy.get(l) ?? 0) + us);
    }
  }
  const show = (title, m) => {
    console.log(`\n${title}`);
    [...m].filter(([l]) => !filter || l.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top)
      .forEach(([l, us]) => console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((us / totalUs) * 100).toFixed(1).padStart(5)}%  ${l}`));
  };
  console.log(`${path.basename(file)}: ${(totalUs / 1e6).toFixed(1)} s sampled`);
  show('self time', selfBy);
  show('total time (inclusive)', totalBy);
}
