#!/usr/bin/env node
// Builds what `npm start` needs: the server (TypeScript → CommonJS with swc, the tsconfig
// path aliases rewritten to relative requires) and the web app (vite). Each part is rebuilt
// only when one of its sources is newer than its output, so later starts take seconds.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const serverSources = ['apps/api/src', 'libs/scoring/src', 'libs/contracts/src', 'libs/notice/src'];
const webDir = path.join(root, 'apps/web');
const webOut = path.join(dist, 'web');
const force = process.argv.includes('--force');

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

function newestMtime(files) {
  return files.reduce((max, f) => Math.max(max, fs.statSync(f).mtimeMs), 0);
}

function isServerSource(file) {
  // testing/ folders hold spec helpers (readers, fixtures): not part of the server.
  return file.endsWith('.ts') && !file.endsWith('.spec.ts') && !file.endsWith('.d.ts') && !file.split(path.sep).includes('testing');
}

function buildServer() {
  const files = serverSources.flatMap((d) => walk(path.join(root, d))).filter(isServerSource);
  const stamp = path.join(dist, '.server-built');
  const inputs = [...files, path.join(root, 'tsconfig.json'), __filename];
  if (!force && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestMtime(inputs)) return false;
  const swc = require('@swc/core');
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8'));
  fs.rmSync(path.join(dist, 'apps'), { recursive: true, force: true });
  fs.rmSync(path.join(dist, 'libs'), { recursive: true, force: true });
  for (const file of files) {
    const rel = path.relative(root, file);
    const { code, map } = swc.transformFileSync(file, {
      filename: file,
      sourceMaps: true,
      swcrc: false,
      module: { type: 'commonjs' },
      jsc: {
        target: 'es2022',
        baseUrl: root,
        paths: tsconfig.compilerOptions.paths,
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
      },
    });
    const outFile = path.join(dist, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${code}\n//# sourceMappingURL=${path.basename(outFile)}.map\n`);
    if (map) fs.writeFileSync(`${outFile}.map`, map);
  }
  fs.writeFileSync(stamp, new Date().toISOString());
  return true;
}

function buildWeb() {
  if (!fs.existsSync(path.join(webDir, 'vite.config.ts'))) return false;
  // The web app bundles the libs it imports (vite aliases @app/contracts, @app/scoring, @app/notice).
  const files = [...walk(path.join(webDir, 'src')), ...walk(path.join(root, 'libs/contracts/src')),
    ...walk(path.join(root, 'libs/scoring/src')), ...walk(path.join(root, 'libs/notice/src')), path.join(webDir, 'index.html'), path.join(webDir, 'vite.config.ts')];
  const stamp = path.join(webOut, '.web-built');
  if (!force && fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs >= newestMtime(files)) return false;
  const result = spawnSync(process.execPath, [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--config', path.join(webDir, 'vite.config.ts')],
    { cwd: webDir, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
  fs.writeFileSync(stamp, new Date().toISOString());
  return true;
}

function build() {
  const t0 = Date.now();
  const server = buildServer();
  const web = buildWeb();
  if (server || web) console.log(`built ${[server && 'server', web && 'web'].filter(Boolean).join(' + ')} in ${Date.now() - t0} ms`);
}

module.exports = { build };
if (require.main === module) build();
