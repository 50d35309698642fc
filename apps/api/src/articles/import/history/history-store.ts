import type { EntityManager } from 'typeorm';
import type { EntryStatus } from '@app/contracts';
import { quarterOf, quarterRange } from '@app/scoring';
import { Commission } from '../../../commissions/commission.entity';
import { CommissionTarget } from '../../../commissions/commission-target.entity';
import { Instruction } from '../../../instructions/instruction.entity';
import { ItemRecord } from '../../../items/item-record.entity';
import { MonthlyReport } from '../../../monthly-reports/monthly-report.entity';
import { chunks } from '../article-import-plan';
import { Article } from '../../article.entity';
import type { HistoryPlan } from './history-plan';
import { HistoryRecord, type HistoryKind } from './history-record.entity';
import { storedKey } from './history-keys';

export interface HistoryStoreOptions {
  officeId: number;
  userId: number;
  jobId: number;
  /** Review status of the imported 批示 and 事项 (as the articles of the same import). */
  status: Extract<EntryStatus, 'draft' | 'verified'>;
  today: string;
  /** The clock's instant, stamped as the verification time of what the office loads. */
  now: Date;
}

export interface HistoryCounts {
  monthlyReports: number;
  commissions: number;
  commissionAnswers: number;
  instructions: number;
  items: number;
  /** Quarters that received history (their scores are recomputed). */
  quarters: string[];
  /** Past quarters this import loaded: the caller has publication mark them 补录 (BackfillMarker). */
  backfillQuarters: string[];
}

/**
 * Writes a history plan inside the caller's transaction, after the articles of the same file
 * (answers and 批示 name them by key). Every record is marked in history_records with its
 * stable key and quarter; past quarters that received history are flagged 补录 unless published.
 */
export async function storeHistory(manager: EntityManager, plan: HistoryPlan, options: HistoryStoreOptions): Promise<HistoryCounts> {
  const { officeId, userId } = options;
  const now = options.now;
  const review = { status: options.status, reviewNote: null, verifiedBy: options.status === 'verified' ? userId : null, verifiedAt: options.status === 'verified' ? now : null, createdBy: userId };
  const marks: Partial<HistoryRecord>[] = [];
  const mark = (kind: HistoryKind, key: string, recordId: number, date: string) =>
    marks.push({ officeId, kind, stableKey: storedKey(key), recordId, quarter: quarterOf(date), jobId: options.jobId, createdBy: userId });
  const insert = async <T extends object>(target: new () => T, row: Partial<T>) => Number((await manager.insert(target, row as never)).identifiers[0].id);

  for (const d of plan.monthly) {
    const id = await insert(MonthlyReport, {
      officeId, unitId: d.unitId, month: d.month, filedAt: d.filedAt, filedDate: d.filedDate,
      articlesSubmitted: d.articlesSubmitted, placementsAdopted: d.placementsAdopted, narrative: d.narrative, filedBy: userId,
    });
    mark('monthly_report', d.key, id, `${d.month}-01`);
  }

  const commissionIds = new Map<string, number>();
  for (const d of plan.commissions) {
    const id = await insert(Commission, { officeId, topic: d.topic, description: d.description, issuedDate: d.issuedDate, deadline: d.deadline, issuer: d.issuer, createdBy: userId });
    for (const unitId of d.unitIds) await manager.insert(CommissionTarget, { commissionId: id, unitId, articleId: null, answeredAt: null });
    commissionIds.set(d.key, id);
    mark('commission', d.key, id, d.deadline);
  }

  const articleIds = await articleIdsOf(manager, officeId, [...plan.answers.map((a) => a.articleKey), ...plan.instructions.map((i) => i.articleKey), ...plan.items.flatMap((i) => (i.articleKey ? [i.articleKey] : []))]);
  for (const a of plan.answers) {
    const commissionId = a.commissionId ?? commissionIds.get(a.commissionKey)!;
    const articleId = articleIds.get(a.articleKey)!;
    const target = await manager.findOneOrFail(CommissionTarget, { where: { commissionId, unitId: a.unitId } });
    await manager.update(CommissionTarget, { id: target.id }, { articleId, answeredAt: a.answeredAt });
    // articles.commissionId mirrors the link, as an answer given in the app sets it.
    await manager.createQueryBuilder().update(Article).set({ commissionId }).where('id = :id AND commissionId IS NULL', { id: articleId }).execute();
    const { deadline } = await manager.findOneOrFail(Commission, { select: { id: true, deadline: true }, where: { id: commissionId } });
    mark('commission_answer', a.key, target.id, deadline);
  }

  for (const i of plan.instructions) {
    const id = await insert(Instruction, { officeId, articleId: articleIds.get(i.articleKey)!, leaderTitle: i.leaderTitle, level: i.level, instructedDate: i.date, content: i.content, ...review });
    mark('instruction', i.key, id, i.date);
  }
  for (const i of plan.items) {
    const id = await insert(ItemRecord, {
      officeId, unitId: i.unitId, kind: i.kind, title: i.title, itemDate: i.date, level: i.level,
      articleId: i.articleKey ? articleIds.get(i.articleKey)! : null, note: i.note, ...review,
    });
    mark('item', i.key, id, i.date);
  }
  for (const part of chunks(marks)) await manager.insert(HistoryRecord, part);

  const quarters = [...new Set(marks.map((m) => m.quarter!))].sort();
  const backfillQuarters = quarters.filter((q) => quarterRange(q).end < options.today);
  return {
    monthlyReports: plan.monthly.length, commissions: plan.commissions.length, commissionAnswers: plan.answers.length,
    instructions: plan.instructions.length, items: plan.items.length, quarters, backfillQuarters,
  };
}

async function articleIdsOf(manager: EntityManager, officeId: number, keys: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const part of chunks([...new Set(keys)])) {
    const rows: { id: number; externalKey: string }[] = await manager.query(
      `SELECT id, externalKey FROM articles WHERE officeId = ? AND externalKey IN (${part.map(() => '?').join(', ')})`,
      [officeId, ...part],
    );
    for (const r of rows) out.set(r.externalKey.toUpperCase(), Number(r.id));
  }
  return out;
}
