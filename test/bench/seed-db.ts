// Writes a generated dataset into the app's database with multi-row INSERTs in chunks (not
// through the API: 1,000,000 placements through HTTP would measure the API, not the cases).
// The rows carry explicit ids so that placements can name their articles without reading back.
import type { DataSource } from 'typeorm';
import { loadOutletCatalogue } from '../../apps/api/src/outlets/outlet-catalogue';
import { DEMO_GROUPS, DEMO_UNITS } from '../../apps/api/src/seed/demo-district';
import { generate, planUnits, type Dataset, type GenGroup, type GenOutlet, type GenUnit, type SizeName } from './dataset';

type Value = string | number | null;

/** Rows per statement: under SQLite's 32,766 bound parameters and MariaDB's packet size. */
const rowsPerInsert = (columns: number) => Math.max(1, Math.min(2000, Math.floor(30_000 / columns)));
/** Statements per transaction on MariaDB: keeps undo logs small on a 64 MB buffer pool. */
const STATEMENTS_PER_TX = 25;

const stamp = (date: string, hour = 2) => `${date} ${String(hour).padStart(2, '0')}:00:00`;
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function bulkInsert(ds: DataSource, table: string, columns: string[], rows: Iterable<Value[]>): Promise<number> {
  const per = rowsPerInsert(columns.length);
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let batch: Value[][] = [];
  let statements: { sql: string; params: Value[] }[] = [];
  let n = 0;
  const flushStatements = async () => {
    if (statements.length === 0) return;
    const todo = statements;
    statements = [];
    await ds.transaction(async (m) => {
      for (const s of todo) await m.query(s.sql, s.params);
    });
  };
  const flushBatch = async () => {
    if (batch.length === 0) return;
    statements.push({ sql: head + batch.map(() => tuple).join(', '), params: batch.flat() });
    n += batch.length;
    batch = [];
    if (statements.length >= STATEMENTS_PER_TX) await flushStatements();
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= per) await flushBatch();
  }
  await flushBatch();
  await flushStatements();
  return n;
}

export interface OfficeRefs {
  officeId: number;
  officeUserId: number;
  groups: GenGroup[];
  units: GenUnit[];
  outlets: GenOutlet[];
}

/** What the demo seed left in the database: its office, groups, units, outlets. */
export async function officeRefs(ds: DataSource): Promise<OfficeRefs> {
  const [office] = await ds.query('SELECT id FROM offices ORDER BY id LIMIT 1');
  const officeId = Number(office.id);
  const [officeUser] = await ds.query(`SELECT id FROM users WHERE username = 'office'`);
  const groups = (await ds.query('SELECT id, code, name, sortOrder FROM ranking_groups WHERE officeId = ? ORDER BY id', [officeId]))
    .map((g: Record<string, unknown>) => ({ id: Number(g.id), code: String(g.code), name: String(g.name), sortOrder: Number(g.sortOrder) }));
  const groupName = new Map(groups.map((g: GenGroup) => [g.id, g.name]));
  const units = (await ds.query('SELECT id, code, name, groupId FROM units WHERE officeId = ? ORDER BY id', [officeId]))
    .map((u: Record<string, unknown>) => ({ id: Number(u.id), code: String(u.code), name: String(u.name), groupId: Number(u.groupId), groupName: groupName.get(Number(u.groupId)) ?? '' }));
  const outlets = (await ds.query('SELECT id, code, name, level, channel, medium FROM outlets WHERE officeId = ? AND active = ? ORDER BY id', [officeId, 1]))
    .map((o: Record<string, unknown>) => ({ id: Number(o.id), code: String(o.code), name: String(o.name), level: o.level, channel: o.channel, medium: String(o.medium) })) as GenOutlet[];
  return { officeId, officeUserId: Number(officeUser.id), groups, units, outlets };
}

/** The same references without a database (the engine case): the demo's rows in seed order. */
export function demoRefs(): Omit<OfficeRefs, 'officeUserId'> {
  const groups = DEMO_GROUPS.map((g, i) => ({ id: i + 1, code: g.code, name: g.name, sortOrder: g.sortOrder }));
  const units = DEMO_UNITS.map((u, i) => {
    const g = groups.find((x) => x.code === u.group)!;
    return { id: i + 1, code: u.code, name: u.name, groupId: g.id, groupName: g.name };
  });
  const outlets = loadOutletCatalogue().map((o, i) => ({ id: i + 1, code: o.code, name: o.name, level: o.level, channel: o.channel, medium: o.medium }));
  return { officeId: 1, groups, units, outlets };
}

/** The dataset of `size` for an office with these references (units and groups beyond the demo's are planned here). */
export function datasetFor(size: SizeName, seed: number, refs: Omit<OfficeRefs, 'officeUserId'>): Dataset {
  const { groups, units } = planUnits(size, refs.groups, refs.units, seed);
  return generate(size, seed, groups, units, refs.outlets);
}

/** Inserts the dataset's new groups and units and all its records. Returns rows per table. */
export async function insertDataset(ds: DataSource, refs: OfficeRefs, data: Dataset): Promise<Record<string, number>> {
  const { officeId, officeUserId } = refs;
  const counts: Record<string, number> = {};
  const knownGroups = new Set(refs.groups.map((g) => g.id));
  const knownUnits = new Set(refs.units.map((u) => u.id));
  counts.ranking_groups = await bulkInsert(ds, 'ranking_groups', ['id', 'officeId', 'code', 'name', 'sortOrder', 'active'],
    data.groups.filter((g) => !knownGroups.has(g.id)).map((g) => [g.id, officeId, g.code, g.name, g.sortOrder, 1]));
  counts.units = await bulkInsert(ds, 'units', ['id', 'officeId', 'code', 'name', 'groupId', 'active'],
    data.units.filter((u) => !knownUnits.has(u.id)).map((u) => [u.id, officeId, u.code, u.name, u.groupId, 1]));
  const verified = (status: string, date: string): Value[] => (status === 'verified' ? [officeUserId, stamp(plusDays(date, 5), 8)] : [null, null]);
  counts.articles = await bulkInsert(ds, 'articles',
    ['id', 'officeId', 'status', 'verifiedBy', 'verifiedAt', 'createdBy', 'title', 'normalizedTitle', 'wordCount', 'genre', 'submittedAt', 'submittedDate', 'ownerUnitId'],
    (function* () {
      for (const a of data.articles) {
        yield [a.id, officeId, a.status, ...verified(a.status, a.submittedDate), null, a.title, a.title.replace(/[（）]/g, ''), a.wordCount, a.genre, stamp(a.submittedDate), a.submittedDate, a.ownerUnitId];
      }
    })());
  counts.article_units = await bulkInsert(ds, 'article_units', ['articleId', 'unitId', 'shareBp', 'position'],
    (function* () {
      for (const a of data.articles) for (const [i, u] of a.units.entries()) yield [a.id, u.unitId, u.shareBp, i + 1];
    })());
  counts.placements = await bulkInsert(ds, 'placements',
    ['id', 'officeId', 'status', 'verifiedBy', 'verifiedAt', 'articleId', 'outletId', 'publishedAt', 'publishedDate', 'page', 'prominence'],
    (function* () {
      for (const p of data.placements) {
        yield [p.id, officeId, p.status, ...verified(p.status, p.publishedDate), p.articleId, p.outletId, stamp(p.publishedDate), p.publishedDate, `第${1 + (p.id % 8)}版`, p.prominence];
      }
    })());
  counts.instructions = await bulkInsert(ds, 'instructions', ['id', 'officeId', 'status', 'verifiedBy', 'verifiedAt', 'articleId', 'leaderTitle', 'level', 'instructedDate'],
    data.instructions.map((i) => [i.id, officeId, 'verified', ...verified('verified', i.instructedDate), i.articleId, i.leaderTitle, i.level, i.instructedDate]));
  counts.commissions = await bulkInsert(ds, 'commissions', ['id', 'officeId', 'topic', 'issuedDate', 'deadline', 'createdBy'],
    data.commissions.map((c) => [c.id, officeId, c.topic, c.issuedDate, c.deadline, officeUserId]));
  counts.commission_targets = await bulkInsert(ds, 'commission_targets', ['commissionId', 'unitId', 'articleId', 'answeredAt'],
    data.commissions.flatMap((c) => c.targets.map((t): Value[] => [c.id, t.unitId, t.articleId, t.articleId ? stamp(c.deadline) : null])));
  counts.monthly_reports = await bulkInsert(ds, 'monthly_reports', ['officeId', 'unitId', 'month', 'filedAt', 'filedDate', 'articlesSubmitted', 'placementsAdopted'],
    data.monthlyReports.map((r) => [officeId, r.unitId, r.month, stamp(r.filedDate), r.filedDate, 0, 0]));
  return counts;
}
