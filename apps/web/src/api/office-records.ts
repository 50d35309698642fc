import type { ReceivedVia } from '@app/contracts';
import { http } from './http';

/** How the office received what it recorded for a unit (null on what units file themselves). */
export interface OfficeMark {
  receivedVia: ReceivedVia | null;
  receivedNote: string | null;
}

/** The office-recorded columns of a monthly report as the API returns it. */
interface ReportColumns {
  receivedVia?: ReceivedVia | null;
  receivedNote?: string | null;
  officeRecordedBy?: number | null;
}

/** The mark of a monthly report, or null when the unit filed it itself. */
export function reportMark(report: object | null | undefined): OfficeMark | null {
  const r = report as ReportColumns | null | undefined;
  return r && r.officeRecordedBy != null ? { receivedVia: r.receivedVia ?? null, receivedNote: r.receivedNote ?? null } : null;
}

/** The mark of an article or a 约稿 target (`officeRecorded` in their responses). */
export function officeMark(row: object | null | undefined): OfficeMark | null {
  return (row as { officeRecorded?: OfficeMark | null } | null | undefined)?.officeRecorded ?? null;
}

/** As typed in the form: the server checks the choice and answers a field error. */
export interface Received {
  receivedVia: string;
  receivedNote: string;
}

/**
 * The office records for a unit, with the real time it came in (office only). Times are sent as
 * typed (YYYY-MM-DD HH:mm): the server reads them in the business zone.
 */
export const officeRecordsApi = {
  monthlyReport: (month: string, unitId: number, body: Received & { filedAt: string; articlesSubmitted: number; placementsAdopted: number; narrative?: string; version?: number }) =>
    http.put<unknown>(`/monthly-reports/${month}/units/${unitId}`, body),
  submission: (articleId: number, body: Received & { submittedAt: string; version: number }) => http.put<unknown>(`/articles/${articleId}/submission`, body),
  answer: (commissionId: number, unitId: number, body: Received & { articleId: number; answeredAt: string }) =>
    http.put<unknown>(`/commissions/${commissionId}/targets/${unitId}/answer`, body),
};
