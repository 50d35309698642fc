import type { EntityManager } from 'typeorm';
import { chunks } from '../article-import-plan';
import type { ArticleDraft } from '../article-row-validator';
import type { ImportProblem } from '../article-sheet-layout';
import type { AnswerDraft } from './commission-answer-sheet';
import type { CommissionDraft } from './commission-sheet';
import type { HistoryKind } from './history-record.entity';
import type { InstructionDraft } from './instruction-sheet';
import type { ItemDraft } from './item-sheet';
import type { MonthlyReportDraft } from './monthly-report-sheet';
import { storedKey } from './history-keys';

export interface ValidatedHistory {
  monthly: MonthlyReportDraft[];
  commissions: CommissionDraft[];
  answers: AnswerDraft[];
  instructions: InstructionDraft[];
  items: ItemDraft[];
}

/** An answer whose 约稿 is either in this file (by key) or imported before (by id). */
export interface PlannedAnswer extends AnswerDraft {
  commissionId: number | null;
}

export interface HistoryPlan extends Omit<ValidatedHistory, 'answers'> {
  answers: PlannedAnswer[];
  /** Valid rows already imported (same stable key) or recorded by hand: nothing to do. */
  skipped: number;
  problems: ImportProblem[];
  /** `sheet:row` of the rows refused against what is recorded. */
  invalidRows: Set<string>;
}

const marks = (n: number) => Array(n).fill('?').join(', ');

/**
 * Decides, against what is recorded, what the validated history sheets add. A row whose
 * stable key was imported before adds nothing (so a second import of the same file changes
 * nothing); a monthly report or an answer entered by hand is kept as it is. Answers and 批示
 * must name a 约稿 and an article of this file or of the records.
 */
export async function planHistory(manager: EntityManager, officeId: number, sheets: ValidatedHistory, fileArticles: ArticleDraft[]): Promise<HistoryPlan> {
  const plan: HistoryPlan = { monthly: [], commissions: [], answers: [], instructions: [], items: [], skipped: 0, problems: [], invalidRows: new Set() };
  const refuse = (sheet: string, row: number, column: string, message: string) => {
    plan.problems.push({ sheet, row, column, message, level: 'error' });
    plan.invalidRows.add(`${sheet}:${row}`);
  };
  const warn = (sheet: string, row: number, column: string, message: string) => plan.problems.push({ sheet, row, column, message, level: 'warning' });

  const imported = await importedKeys(manager, officeId, [
    ...sheets.monthly.map((d) => ['monthly_report', d.key] as const),
    ...sheets.commissions.map((d) => ['commission', d.key] as const),
    ...sheets.answers.map((d) => ['commission_answer', d.key] as const),
    ...sheets.answers.map((d) => ['commission', d.commissionKey] as const),
    ...sheets.instructions.map((d) => ['instruction', d.key] as const),
    ...sheets.items.map((d) => ['item', d.key] as const),
  ]);
  const done = (kind: HistoryKind, key: string) => imported.has(`${kind}|${storedKey(key)}`);

  const byHand = new Map<string, string>();
  for (const part of chunks(sheets.monthly.filter((d) => !done('monthly_report', d.key)))) {
    const rows: { unitId: number; month: string; filedDate: string }[] = await manager.query(
      `SELECT unitId, month, filedDate FROM monthly_reports WHERE officeId = ? AND (${part.map(() => '(unitId = ? AND month = ?)').join(' OR ')})`,
      [officeId, ...part.flatMap((d) => [d.unitId, d.month])],
    );
    for (const r of rows) byHand.set(`${Number(r.unitId)}|${r.month}`, r.filedDate);
  }
  for (const d of sheets.monthly) {
    if (done('monthly_report', d.key)) plan.skipped++;
    else if (byHand.has(d.key)) {
      plan.skipped++;
      warn('月度报送', d.row, '报送时间', `该单位 ${d.month} 的月报已有记录（${byHand.get(d.key)} 报送），导入不会修改；如需更正报送时间，请在月报页面由办公室代为登记`);
    } else plan.monthly.push(d);
  }

  for (const d of sheets.commissions) {
    if (done('commission', d.key)) plan.skipped++;
    else plan.commissions.push(d);
  }

  const articles = await articleUnits(manager, officeId, [...sheets.answers.map((a) => a.articleKey), ...sheets.instructions.map((i) => i.articleKey), ...sheets.items.flatMap((i) => (i.articleKey ? [i.articleKey] : []))], fileArticles);
  const unknownArticle = (key: string) => `稿件编号「${key}」既不在「稿件录用」表中，也没有已录入的稿件使用它`;

  const fileCommissions = new Map(sheets.commissions.map((c) => [c.key, c]));
  const earlier = await importedCommissions(manager, officeId, [...imported.entries()].filter(([k]) => k.startsWith('commission|')).map(([, id]) => id));
  const earlierByKey = new Map([...imported.entries()].filter(([k]) => k.startsWith('commission|')).map(([k, id]) => [k.slice('commission|'.length), earlier.get(id)]));
  for (const a of sheets.answers) {
    if (done('commission_answer', a.key)) {
      plan.skipped++;
      continue;
    }
    const fromFile = fileCommissions.get(a.commissionKey);
    const before = earlierByKey.get(storedKey(a.commissionKey));
    const commission = fromFile ? { id: null, issuedDate: fromFile.issuedDate, unitIds: fromFile.unitIds, answered: new Set<number>() } : before;
    const units = articles.get(a.articleKey);
    if (!commission) refuse('约稿回复', a.row, '约稿编号', `约稿编号「${a.commissionKey}」既不在「约稿」表中，也未曾导入`);
    else if (!commission.unitIds.includes(a.unitId)) refuse('约稿回复', a.row, '回复单位', `该单位不是约稿「${a.commissionKey}」的约稿对象`);
    else if (a.answeredDate < commission.issuedDate) refuse('约稿回复', a.row, '回复时间', `回复时间 ${a.answeredDate} 早于约稿下发日期 ${commission.issuedDate}`);
    else if (!units) refuse('约稿回复', a.row, '稿件编号', unknownArticle(a.articleKey));
    else if (!units.includes(a.unitId)) refuse('约稿回复', a.row, '稿件编号', `稿件「${a.articleKey}」的报送单位不包含回复单位，只能用本单位的稿件回复约稿`);
    else if (commission.answered.has(a.unitId)) {
      plan.skipped++;
      warn('约稿回复', a.row, '回复单位', `该单位对约稿「${a.commissionKey}」的回复已有记录，导入不会修改`);
    } else plan.answers.push({ ...a, commissionId: commission.id });
  }

  for (const i of sheets.instructions) {
    if (done('instruction', i.key)) plan.skipped++;
    else if (!articles.has(i.articleKey)) refuse('批示', i.row, '稿件编号', unknownArticle(i.articleKey));
    else plan.instructions.push(i);
  }
  for (const i of sheets.items) {
    if (done('item', i.key)) plan.skipped++;
    else if (i.articleKey && !articles.has(i.articleKey)) refuse('事项', i.row, '关联稿件编号', unknownArticle(i.articleKey));
    else plan.items.push(i);
  }
  return plan;
}

/** `kind|stableKey` → record id of what was imported before. */
async function importedKeys(manager: EntityManager, officeId: number, keys: (readonly [HistoryKind, string])[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const part of chunks([...new Set(keys.map(([, key]) => storedKey(key)))])) {
    const rows: { kind: string; stableKey: string; recordId: number }[] = await manager.query(
      `SELECT kind, stableKey, recordId FROM history_records WHERE officeId = ? AND stableKey IN (${marks(part.length)})`,
      [officeId, ...part],
    );
    for (const r of rows) found.set(`${r.kind}|${r.stableKey}`, Number(r.recordId));
  }
  return found;
}

interface KnownCommission {
  id: number | null;
  issuedDate: string;
  unitIds: number[];
  /** Target units that already answered. */
  answered: Set<number>;
}

async function importedCommissions(manager: EntityManager, officeId: number, ids: number[]): Promise<Map<number, KnownCommission>> {
  const out = new Map<number, KnownCommission>();
  for (const part of chunks(ids)) {
    const rows: { id: number; issuedDate: string; unitId: number | null; articleId: number | null }[] = await manager.query(
      `SELECT c.id AS id, c.issuedDate AS issuedDate, t.unitId AS unitId, t.articleId AS articleId
       FROM commissions c LEFT JOIN commission_targets t ON t.commissionId = c.id WHERE c.officeId = ? AND c.id IN (${marks(part.length)})`,
      [officeId, ...part],
    );
    for (const r of rows) {
      const id = Number(r.id);
      const c = out.get(id) ?? { id, issuedDate: r.issuedDate, unitIds: [], answered: new Set<number>() };
      if (r.unitId !== null) c.unitIds.push(Number(r.unitId));
      if (r.unitId !== null && r.articleId !== null) c.answered.add(Number(r.unitId));
      out.set(id, c);
    }
  }
  return out;
}

/** Article key → its units, from this file's articles and the recorded ones. */
async function articleUnits(manager: EntityManager, officeId: number, keys: string[], fileArticles: ArticleDraft[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const a of fileArticles) out.set(a.key, a.units.map((u) => u.unitId));
  for (const part of chunks([...new Set(keys)].filter((k) => !out.has(k)))) {
    const rows: { externalKey: string; unitId: number }[] = await manager.query(
      `SELECT a.externalKey AS externalKey, u.unitId AS unitId FROM articles a JOIN article_units u ON u.articleId = a.id
       WHERE a.officeId = ? AND a.externalKey IN (${marks(part.length)})`,
      [officeId, ...part],
    );
    for (const r of rows) out.set(r.externalKey.toUpperCase(), [...(out.get(r.externalKey.toUpperCase()) ?? []), Number(r.unitId)]);
  }
  return out;
}
