#!/usr/bin/env node
// `npm run bench` — see test/bench/README.md. The TypeScript sources (the bench and the app it
// measures) are compiled on load by ./register.js; nothing is written to dist/.
require('./register');

if (process.argv.includes('--child')) {
  require('./child.ts').childMain();
} else {
  const argv = process.argv.slice(2);
  // --docs-from FILE: append the table of a saved results file (bench-results/*.json) again.
  const entry = argv.includes('--trace') ? require('./trace.ts').trace
    : argv.includes('--docs-from') ? require('./report.ts').docsFrom
      : require('./main.ts').main;
  entry(argv).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
