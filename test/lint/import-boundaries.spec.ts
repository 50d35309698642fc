import path from 'node:path';
import { ESLint } from 'eslint';

// The cross-app import rule of eslint.config.js (#13 point 2), run through ESLint's own API on
// snippets placed inside apps/web: reaching into apps/api fails lint, a lib import passes.
// The config is handed over as an object: ESLint loads a config file with import(), which jest's
// CommonJS sandbox does not run.
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: require(path.join(root, 'eslint.config.js')) });

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const vue = (script: string) => `<script setup lang="ts">\n${script}</script>\n\n<template>\n  <p>{{ n }}</p>\n</template>\n`;

describe('cross-app imports (eslint no-restricted-imports)', () => {
  it.each([
    ['a page reaching the server by a relative path', 'apps/web/src/pages/notices/x.ts', "import { noticeSections } from '../../../../api/src/notices/render/notice-html';\nexport const n = noticeSections;\n"],
    ['a page naming apps/api', 'apps/web/src/pages/notices/x.ts', "import { noticeSections } from '../../../../../apps/api/src/notices/render/notice-html';\nexport const n = noticeSections;\n"],
    ['the vite config aliasing into the server (the old @notice-render)', 'apps/web/vite.config.ts', "import { noticeSections } from '../api/src/notices/render/notice-html';\nexport const n = noticeSections;\n"],
    ['a .vue component', 'apps/web/src/pages/notices/NoticeProbe.vue', vue("import { noticeSections } from '../../../../api/src/notices/render/notice-html';\nconst n = noticeSections;\n")],
  ])('fails %s', async (_case, filePath, code) => {
    await expect(lint(code, filePath)).resolves.toEqual([
      { rule: 'no-restricted-imports', message: expect.stringContaining('apps/web talks to the server through HTTP and the libs') },
    ]);
  });

  it.each([
    ['a .ts file', 'apps/web/src/pages/notices/x.ts', "import { LEVELS } from '@app/contracts';\nexport const n = LEVELS;\n"],
    ['a .vue component', 'apps/web/src/pages/notices/NoticeProbe.vue', vue("import { LEVELS } from '@app/contracts';\nconst n = LEVELS;\n")],
    ["the web's own api folder", 'apps/web/src/pages/notices/x.ts', "import { ApiError } from '@/api/http';\nexport const n = ApiError;\n"],
  ])('passes the same snippet importing a lib in %s', async (_case, filePath, code) => {
    await expect(lint(code, filePath)).resolves.toEqual([]);
  });
});
