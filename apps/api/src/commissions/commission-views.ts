import type { CommissionResponse, CommissionTargetResponse, ReceivedVia } from '@app/contracts';
import type { UnitsRepository } from '../units/units.repository';
import type { Commission } from './commission.entity';
import type { CommissionsRepository } from './commissions.repository';
import { commissionStatus, summarize, targetStatus, type TargetStatus } from './commission-status';

export type { CommissionResponse };

export interface TargetView {
  id: number;
  commissionId: number;
  unitId: number;
  unitCode: string | null;
  unitName: string | null;
  /** whom the office calls when the unit has not answered */
  contactName: string | null;
  contactPhone: string | null;
  articleId: number | null;
  articleTitle: string | null;
  /** the answering article's submitted business date: what decides on time or late */
  submittedDate: string | null;
  /** the answering article's review status: an answer counts (on time or late) once it is verified, as in scoring */
  articleStatus: string | null;
  answeredAt: Date | null;
  /** set when the office recorded the answer for the unit: how it came in */
  officeRecorded: { receivedVia: ReceivedVia | null; receivedNote: string | null } | null;
  status: TargetStatus;
}

/**
 * Targets of the given commissions with their unit, answering article and status. The article
 * is read from the articles table (the articles feature owns it); an answer whose article has
 * since been deleted counts as no answer.
 */
export async function loadTargetViews(
  repos: { commissions: CommissionsRepository; units: UnitsRepository },
  officeId: number,
  commissions: Commission[],
  today: string,
): Promise<Map<number, TargetView[]>> {
  const byCommission = new Map<number, TargetView[]>(commissions.map((c) => [c.id, []]));
  if (commissions.length === 0) return byCommission;
  const deadlines = new Map(commissions.map((c) => [c.id, c.deadline]));
  const targets = await repos.commissions.findTargetsOf([...deadlines.keys()]);
  const unitIds = [...new Set(targets.map((t) => t.unitId))];
  const articleIds = [...new Set(targets.map((t) => t.articleId).filter((id): id is number => id !== null))];
  const units = new Map((unitIds.length ? await repos.units.findManyInOffice(officeId, unitIds) : []).map((u) => [u.id, u]));
  const articles = new Map((await repos.commissions.answerArticles(officeId, articleIds)).map((a) => [a.id, a]));
  for (const t of targets) {
    const unit = units.get(t.unitId);
    const article = t.articleId !== null ? articles.get(t.articleId) : undefined;
    byCommission.get(t.commissionId)!.push({
      id: t.id,
      commissionId: t.commissionId,
      unitId: t.unitId,
      unitCode: unit?.code ?? null,
      unitName: unit?.name ?? null,
      contactName: unit?.contactName ?? null,
      contactPhone: unit?.contactPhone ?? null,
      articleId: article ? article.id : null,
      articleTitle: article?.title ?? null,
      submittedDate: article?.submittedDate ?? null,
      answeredAt: article ? t.answeredAt : null,
      officeRecorded: article && t.officeRecordedBy !== null ? { receivedVia: t.receivedVia, receivedNote: t.receivedNote } : null,
      articleStatus: article?.status ?? null,
      // As the scheme counts it: a draft or an answer still under review is not done yet (issue #16).
      status: targetStatus(article?.status === 'verified' ? article.submittedDate : null, deadlines.get(t.commissionId)!, today),
    });
  }
  for (const list of byCommission.values()) list.sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? ''));
  return byCommission;
}

/** `scopeUnitId` set (officers, reviewers): only that unit's target and no summary. */
export function toCommissionResponse(c: Commission, targets: TargetView[], today: string, scopeUnitId?: number): CommissionResponse {
  const scoped = scopeUnitId !== undefined;
  return {
    id: c.id,
    topic: c.topic,
    description: c.description,
    issuedDate: c.issuedDate,
    deadline: c.deadline,
    issuer: c.issuer,
    status: commissionStatus(c.deadline, today),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    targets: (scoped ? targets.filter((t) => t.unitId === scopeUnitId) : targets).map(toCommissionTargetResponse),
    summary: scoped ? null : summarize(targets.map((t) => t.status)),
  };
}

/** A target as the API answers it (the answer time as ISO text). */
export const toCommissionTargetResponse = (t: TargetView): CommissionTargetResponse => ({ ...t, answeredAt: t.answeredAt?.toISOString() ?? null });
