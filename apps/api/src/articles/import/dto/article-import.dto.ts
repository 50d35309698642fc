import { IsIn, IsOptional } from 'class-validator';

export const IMPORT_STATUSES = ['draft', 'verified'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Multipart fields beside `file`. */
export class ImportArticlesDto {
  /** The office may load verified history; everyone else imports drafts. */
  @IsOptional() @IsIn(IMPORT_STATUSES)
  asStatus?: ImportStatus;
}
