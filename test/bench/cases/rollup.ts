// A province roll-up (issue #15): a province office ranking its district offices as its units
// (units.childOfficeId), each district's score the province's scheme over the roll-up of the
// district's records (score-ledger/rollup-loader.ts). `prepareRollup` writes the tree and the
// records into a database of their own; the timed part is the province's quarter publication,
// measured exactly as the publication case measures an office's (cases/publication.ts).
import type { DataSource } from 'typeorm';
import { quarterRange } from '@app/scoring';
import { Office } from '../../../apps/api/src/offices/office.entity';
import { OutletsService } from '../../../apps/api/src/outlets/outlets.service';
import { presetVersionRow } from '../../../apps/api/src/schemes/scheme-document';
import { SchemeVersion } from '../../../apps/api/src/schemes/scheme-version.entity';
import { RankingGroup } from '../../../apps/api/src/units/ranking-group.entity';
import { Unit } from '../../../apps/api/src/units/unit.entity';
import { districtUnits, generateDistrict, planRollup, PUBLISH_QUARTER, ROLLUP_GROUPS, SIZES, type GenGroup, type GenOutlet, type SizeName } from '../dataset';
import { type BenchApp, type Figure } from '../harness';
import { insertDataset } from '../seed-db';
import { runPublication } from './publication';

/** The province office's code and its office account (the demo password, as every bench account). */
export const PROVINCE = {
  code: 'BENCHPROV', name: '中共基准省委组织部办公室', regionName: '基准省', issuingAuthority: '中共基准省委组织部', docNumberPrefix: '基省组办',
  username: 'provoffice', displayName: '基准省 办公室',
};

/** The province office's id (it exists once prepareRollup ran). */
export async function provinceId(ds: DataSource): Promise<number> {
  const [row] = await ds.query('SELECT id FROM offices WHERE code = ?', [PROVINCE.code]);
  if (!row) throw new Error(`no office ${PROVINCE.code}: the roll-up dataset was not prepared`);
  return Number(row.id);
}

const nextId = async (ds: DataSource, table: string): Promise<number> => Number((await ds.query(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM ${table}`))[0].n);

/** Rows per TypeORM insert of scheme versions (each carries the scheme's whole text). */
const SCHEMES_PER_INSERT = 20;

/**
 * Writes the roll-up of `size` (province: 100 districts, 2,000 units, 1,000,000 placements):
 * the province office with the outlet catalogue, the `standard` scheme in force, its office
 * account and ROLLUP_GROUPS ranking groups; under it the district offices, each with the
 * `standard` scheme, one ranking group and 20 units, ranked by the province through one unit
 * each; then each district's year of records from the generator (a share of the size's
 * placements, on the province's outlets), in bulk as the other cases' dataset goes in. The demo
 * district the app seeds stays where it is, outside the tree. Returns rows per table.
 */
export async function prepareRollup(b: BenchApp, size: SizeName, seed: number): Promise<Record<string, number>> {
  const { ds } = b;
  const districts = planRollup(size);
  const office = ds.getRepository(Office);
  await office.insert({ ...pick(PROVINCE, ['code', 'name', 'regionName', 'issuingAuthority', 'docNumberPrefix']), parentId: null, settings: null });
  const province = await provinceId(ds);
  await b.app.get(OutletsService).installCatalogue(province);
  const outlets: GenOutlet[] = (await ds.query('SELECT id, code, name, level, channel, medium FROM outlets WHERE officeId = ? AND active = ? ORDER BY id', [province, 1]))
    .map((o: Record<string, unknown>) => ({ id: Number(o.id), code: String(o.code), name: String(o.name), level: o.level, channel: o.channel, medium: String(o.medium) }));
  // The province's account: the demo office account's password and flags, in the province.
  await ds.query(
    `INSERT INTO users (officeId, username, displayName, role, unitId, passwordHash, mustChangePassword, active, passwordChangedAt, tokenVersion)
     SELECT ?, ?, ?, role, NULL, passwordHash, mustChangePassword, active, passwordChangedAt, tokenVersion FROM users WHERE username = 'office'`,
    [province, PROVINCE.username, PROVINCE.displayName],
  );
  const [user] = await ds.query('SELECT id FROM users WHERE username = ?', [PROVINCE.username]);
  const officeUserId = Number(user.id);
  await ds.getRepository(RankingGroup).insert(Array.from({ length: ROLLUP_GROUPS }, (_, i) => ({ officeId: province, code: `P${i + 1}`, name: `第${i + 1}片区`, sortOrder: i + 1, active: true })));
  const provinceGroups: { id: unknown }[] = await ds.query('SELECT id FROM ranking_groups WHERE officeId = ? ORDER BY sortOrder', [province]);

  await office.insert(districts.map((d) => ({ ...pick(d, ['code', 'name', 'regionName', 'issuingAuthority', 'docNumberPrefix']), parentId: province, settings: null })));
  const ids = new Map<string, number>((await ds.query('SELECT id, code FROM offices WHERE parentId = ?', [province])).map((r: { id: unknown; code: string }) => [r.code, Number(r.id)]));
  const districtId = (code: string) => ids.get(code)!;
  const versions = [province, ...districts.map((d) => districtId(d.code))].map((id) => presetVersionRow(id, 'standard', '2020-Q1'));
  for (let i = 0; i < versions.length; i += SCHEMES_PER_INSERT) await ds.getRepository(SchemeVersion).insert(versions.slice(i, i + SCHEMES_PER_INSERT));
  await ds.getRepository(Unit).insert(districts.map((d) => ({
    officeId: province, code: d.code, name: d.issuingAuthority, groupId: Number(provinceGroups[d.provinceGroup].id), childOfficeId: districtId(d.code), active: true, contactName: null, contactPhone: null,
  })));

  const counts: Record<string, number> = { offices: districts.length + 1 };
  const base = { articles: await nextId(ds, 'articles') - 1, placements: await nextId(ds, 'placements') - 1, instructions: await nextId(ds, 'instructions') - 1, commissions: await nextId(ds, 'commissions') - 1 };
  let groupId = await nextId(ds, 'ranking_groups');
  let unitId = await nextId(ds, 'units');
  for (const d of districts) {
    const group: GenGroup = { id: groupId++, code: 'ALL', name: '全部单位', sortOrder: 1 };
    const units = districtUnits(d, group, unitId);
    unitId += units.length;
    const data = generateDistrict(size, seed, d, group, units, outlets, base);
    const rows = await insertDataset(ds, { officeId: districtId(d.code), officeUserId, groups: [], units: [], outlets }, data);
    for (const [table, n] of Object.entries(rows)) counts[table] = (counts[table] ?? 0) + n;
    base.articles += data.articles.length;
    base.placements += data.placements.length;
    base.instructions += data.instructions.length;
    base.commissions += data.commissions.length;
  }
  if (counts.placements !== SIZES[size].placements) throw new Error(`roll-up: ${counts.placements} placements generated, ${SIZES[size].placements} planned`);
  return counts;
}

/** The province's publication of the quarter, timed and reported as the publication case's. */
export async function runRollup(b: BenchApp, runs: number): Promise<Figure[]> {
  const province = await provinceId(b.ds);
  const districts = Number((await b.ds.query('SELECT COUNT(*) AS n FROM units WHERE officeId = ? AND childOfficeId IS NOT NULL', [province]))[0].n);
  const figures = await runPublication(b, province, runs, { username: PROVINCE.username, probe: false, label: `roll-up of ${districts} districts: ` });
  // The size of the roll-up the notice lists: the districts' verified adoptions of the quarter.
  const { start, end } = quarterRange(PUBLISH_QUARTER);
  const adoptions = Number((await b.ds.query(
    `SELECT COUNT(*) AS n FROM placements p JOIN units u ON u.childOfficeId = p.officeId JOIN articles a ON a.id = p.articleId
     WHERE u.officeId = ? AND p.status = 'verified' AND a.status = 'verified' AND p.publishedDate BETWEEN ? AND ?`,
    [province, start, end],
  ))[0].n);
  figures.at(-1)?.notes?.push(`${adoptions} verified adoptions of ${PUBLISH_QUARTER} over the ${districts} districts`);
  return figures;
}

function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}
