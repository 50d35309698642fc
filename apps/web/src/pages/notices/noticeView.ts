import type { NoticeData } from '@notice-render/notice-data';
import { noticeSections, type NoticeSections } from '@notice-render/notice-html';

export type NoticeView = NoticeSections;

/** The server stores the notice as data; the page lays it out with the DOCX's own renderer. */
export function toNoticeView(data: unknown): NoticeView {
  return noticeSections(data as NoticeData);
}
