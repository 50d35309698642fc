import path from 'node:path';
import { ESLint, type Linter } from 'eslint';

// The repository rule of eslint.config.js (#13 point 4): a service importing the DataSource
// fails lint; a repository, the database layer and a service using UnitOfWork pass. The real
// config is used without its type-aware part (building the whole program per snippet is slow
// and the rule does not need types).
const root = path.resolve(__dirname, '../..');
const TYPE_AWARE = ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises'];
const config = (require(path.join(root, 'eslint.config.js')) as Linter.Config[]).map((entry) => {
  const { languageOptions, rules, ...rest } = entry;
  const parserOptions = { ...(languageOptions?.parserOptions as object | undefined) };
  delete (parserOptions as { project?: unknown }).project;
  const kept = rules ? Object.fromEntries(Object.entries(rules).filter(([name]) => !TYPE_AWARE.includes(name))) : undefined;
  return { ...rest, ...(languageOptions ? { languageOptions: { ...languageOptions, parserOptions } } : {}), ...(kept ? { rules: kept } : {}) };
});
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

async function lint(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

const injectsDataSource = [
  "import { Injectable } from '@nestjs/common';",
  "import { InjectDataSource } from '@nestjs/typeorm';",
  "import { DataSource } from 'typeorm';",
  '@Injectable()',
  'export class Probe {',
  '  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}',
  "  count() { return this.dataSource.query('SELECT COUNT(*) FROM units'); }",
  '}',
  '',
].join('\n');

const usesUnitOfWork = [
  "import { Injectable } from '@nestjs/common';",
  "import { UnitOfWork } from '../database/unit-of-work';",
  '@Injectable()',
  'export class Probe {',
  '  constructor(private readonly uow: UnitOfWork) {}',
  '  run() { return this.uow.run(async () => 1); }',
  '}',
  '',
].join('\n');

describe('DataSource only in repositories (eslint no-restricted-imports)', () => {
  it('fails a service that injects the DataSource, on both imports', async () => {
    const messages = await lint(injectsDataSource, 'apps/api/src/units/probe.service.ts');
    expect(messages.map((m) => m.rule)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    expect(messages.map((m) => m.message).join('\n')).toContain('Only *.repository.ts and database/');
  });

  it.each([
    ['a repository', 'apps/api/src/units/probe.repository.ts', injectsDataSource],
    ['the database layer', 'apps/api/src/database/probe.ts', injectsDataSource],
    ['a service using UnitOfWork', 'apps/api/src/units/probe.service.ts', usesUnitOfWork],
  ])('passes %s', async (_case, filePath, code) => {
    await expect(lint(code, filePath)).resolves.toEqual([]);
  });
});
