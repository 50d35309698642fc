// A require hook that compiles the TypeScript sources with @swc/core on first load, so the
// bench runs the working tree as it is without writing dist/ (which `npm start` owns). The
// options are the ones scripts/build.js and jest use (decorators with metadata, CommonJS);
// the @app/* path aliases are mapped the way tsconfig.json says. Compiled output is cached
// on disk by path, size and mtime, so every case process after the first starts quickly.
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const cacheDir = path.join(os.tmpdir(), 'pubscore-bench-swc-cache');
const ALIASES = [
  ['@app/scoring', path.join(root, 'libs/scoring/src')],
  ['@app/contracts', path.join(root, 'libs/contracts/src')],
  ['@app/notice', path.join(root, 'libs/notice/src')],
];

let swc;
const options = (filename) => ({
  filename,
  sourceMaps: 'inline',
  swcrc: false,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
  },
});

function compile(filename) {
  const stat = fs.statSync(filename);
  const key = crypto.createHash('sha1').update(`${filename}|${stat.size}|${stat.mtimeMs}|v1`).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // not compiled yet
  }
  swc ??= require('@swc/core');
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), options(filename));
  fs.mkdirSync(cacheDir, { recursive: true });
  // Write then rename: parallel case processes must never read half a file.
  const tmp = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, code);
  fs.renameSync(tmp, cached);
  return code;
}

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, parent, ...rest) {
  for (const [alias, target] of ALIASES) {
    if (request === alias || request.startsWith(`${alias}/`)) {
      return originalResolve.call(this, target + request.slice(alias.length), parent, ...rest);
    }
  }
  return originalResolve.call(this, request, parent, ...rest);
};

Module._extensions['.ts'] = function loadTs(module, filename) {
  module._compile(compile(filename), filename);
};

process.setSourceMapsEnabled?.(true);
