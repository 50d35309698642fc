import * as fs from 'node:fs';
import * as path from 'node:path';

let root: string | undefined;

/** The repository (install) root, found from this file whether it runs from src/ or dist/. */
export function repoRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'config', 'outlets.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the pubscore install root (config/outlets.yaml)');
    dir = parent;
  }
  root = dir;
  return root;
}

/** A file shipped under config/ (scheme presets, the outlet catalogue, demo data). */
export const shippedConfigPath = (...parts: string[]) => path.join(repoRoot(), 'config', ...parts);
