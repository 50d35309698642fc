// The layer rule (issue #13): data flows one way, recording → ledger → publication → notices,
// and the apps and libs stay apart. `npm run lint` runs it; test/layers.spec.ts shows it
// reports a back-edge. Paths are relative to where depcruise runs (the repository root).
const API = '^apps/api/src/';
const RECORDING = `${API}(articles|placements|instructions|items|adjustments|commissions|monthly-reports|evidence|review|units|outlets)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'ledger-not-downstream',
      comment: 'The score ledger computes from the records; publication and notices read it, never the reverse.',
      severity: 'error',
      from: { path: `${API}score-ledger/` },
      to: { path: `${API}(publication|notices)/` },
    },
    {
      name: 'publication-not-notices',
      comment: 'Notices are made from publications; publication does not know notices exist.',
      severity: 'error',
      from: { path: `${API}publication/` },
      to: { path: `${API}notices/` },
    },
    {
      name: 'recording-through-ledger-api',
      comment:
        'Recording features tell the ledger what changed through what it exports for them (request-recompute) and nothing else of it; ' +
        'they never reach publication or notices.',
      severity: 'error',
      from: { path: RECORDING },
      to: { path: `${API}(score-ledger|publication|notices)/`, pathNot: `${API}score-ledger/request-recompute\\.ts$` },
    },
    {
      name: 'web-not-api',
      comment: 'The web app talks to the server over HTTP and libs/contracts only.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'api-not-web',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'libs-not-apps',
      comment: 'Libraries are shared by the apps and import none of them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.vue', '.json'] },
  },
};
