import { noticeSections, type NoticeData, type NoticeSections } from '@app/notice';

export type NoticeView = NoticeSections;

/** The server stores the notice as data; the page lays it out with the DOCX's own renderer. */
export function toNoticeView(data: unknown): NoticeView {
  return noticeSections(data as NoticeData);
}
