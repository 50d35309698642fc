import type { NoticeData } from './notice-data';
import { chineseDate } from './notice-format';
import { noticeNarrative, type NarrativeSection } from './notice-narrative';
import {
  ADOPTION_COLUMNS,
  ADOPTION_LEGEND,
  EXCLUDED_COLUMNS,
  RANKING_COLUMNS,
  adoptionAttachmentTitle,
  adoptionGroups,
  excludedAttachmentTitle,
  excludedRows,
  omittedAdoptionsText,
  rankingAttachmentTitle,
  rankingTables,
  type AdoptionGroup,
  type RankingTable,
} from './notice-tables';

export interface NoticeAttachment {
  /** 附件1 (附件 alone when there is only one) */
  label: string;
  title: string;
}

/**
 * Everything a notice says, structured: the web view renders this JSON, and the DOCX renderer
 * lays out the same object, so the page and the document cannot drift apart.
 */
export interface NoticeSections {
  kind: NoticeData['kind'];
  quarter: string;
  revision: number;
  office: string;
  docNumber: string | null;
  title: string;
  titleLines: string[];
  recipients: string;
  sections: NarrativeSection[];
  attachments: NoticeAttachment[];
  issuer: string;
  /** 2023年7月10日, or null when no date was given */
  issuedDate: string | null;
  copyTo: string | null;
  ranking: { title: string; columns: readonly string[]; tables: RankingTable[] };
  /** null for a correction, which carries 附件1 only */
  adoptions: {
    title: string;
    columns: readonly string[];
    /** the levels listed row by row (all of them for a quarter within ADOPTION_LIST_LIMIT) */
    groups: AdoptionGroup[];
    legend: string;
    /** the sentence under the table naming the levels not listed and their counts; null when all are listed */
    omitted: string | null;
  } | null;
  /** 附件3: the entries left out of the ranking when the quarter was closed; null when none (and for a correction) */
  excluded: { label: string; title: string; columns: readonly string[]; rows: string[][] } | null;
}

function adoptionSection(data: NoticeData): NonNullable<NoticeSections['adoptions']> {
  const groups = adoptionGroups(data);
  return {
    title: adoptionAttachmentTitle(data),
    columns: ADOPTION_COLUMNS,
    groups,
    legend: ADOPTION_LEGEND,
    omitted: omittedAdoptionsText(data.adoptionsOmitted, groups.length > 0),
  };
}

export function noticeSections(data: NoticeData): NoticeSections {
  const narrative = noticeNarrative(data);
  const correction = data.kind === 'correction';
  const excluded = !correction && data.summary.excluded.length > 0 ? { label: '附件3', title: excludedAttachmentTitle(data), columns: EXCLUDED_COLUMNS, rows: excludedRows(data) } : null;
  const attachments: NoticeAttachment[] = correction
    ? [{ label: '附件', title: rankingAttachmentTitle(data) }]
    : [
        { label: '附件1', title: rankingAttachmentTitle(data) },
        { label: '附件2', title: adoptionAttachmentTitle(data) },
        ...(excluded ? [{ label: excluded.label, title: excluded.title }] : []),
      ];
  return {
    kind: data.kind,
    quarter: data.quarter,
    revision: data.revision,
    office: data.office.name,
    docNumber: data.texts.docNumber?.trim() || null,
    title: narrative.title,
    titleLines: narrative.titleLines,
    recipients: narrative.recipients,
    sections: narrative.sections,
    attachments,
    issuer: data.texts.issuer?.trim() || data.office.name,
    issuedDate: data.texts.issuedDate ? chineseDate(data.texts.issuedDate) : null,
    copyTo: data.texts.copyTo?.trim() || null,
    ranking: { title: rankingAttachmentTitle(data), columns: RANKING_COLUMNS, tables: rankingTables(data) },
    adoptions: correction ? null : adoptionSection(data),
    excluded,
  };
}
