import { OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ENTRY_STATUSES, LEVELS, type EntryStatus, type Level } from '@app/contracts';
import { IsBusinessDate } from '../../common/business-date';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { Trim } from '../../common/dto/transforms';
import { QueryId } from '../../common/parse-id.pipe';

/** A kind code: the scheme catalogue's name for it (会议交流发言, web-comment…), no spaces. */
export const ITEM_KIND_PATTERN = /^[\p{L}\p{N}_\-·]+$/u;
const KIND_MESSAGE = '事项类型只能由文字、数字和 - _ · 组成，不含空格';

export class CreateItemDto {
  /** The office records for a unit: which one (officers: always their own). */
  @IsOptional() @IsId()
  unitId?: number;

  @Trim() @IsString() @IsNotEmpty() @MaxLength(40) @Matches(ITEM_KIND_PATTERN, { message: KIND_MESSAGE })
  kind: string;

  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  title: string;

  @IsBusinessDate()
  date: string;

  /** Omit for kinds with a flat value. */
  @IsOptional() @IsIn(LEVELS)
  level?: Level | null;

  @IsOptional() @IsId()
  articleId?: number | null;

  @IsOptional() @IsString() @MaxLength(5000)
  note?: string | null;
}

/**
 * Any field of a new item, each optional; the edited version is required. Absent means
 * unchanged; null clears level, article and note (the others refuse it).
 */
export class UpdateItemDto extends PartialType(OmitType(CreateItemDto, ['unitId'] as const), { skipNullProperties: false }) {
  /** The office may move an item to another unit; null is refused (an item always has one). */
  @IsOptionalNonNull() @IsId()
  unitId?: number;

  @IsId()
  version: number;
}

export class ItemKindsQuery {
  /** the kinds of the scheme in force on this business date (default today) */
  @IsOptional() @IsBusinessDate()
  date?: string;
}

export class ListItemsQuery extends PageQuery {
  /** officers and reviewers always get their own unit */
  @IsOptional() @QueryId()
  unitId?: number;

  @IsOptional() @IsString() @MaxLength(40)
  kind?: string;

  @IsOptional() @IsIn(ENTRY_STATUSES)
  status?: EntryStatus;

  @IsOptional() @IsIn(LEVELS)
  level?: Level;

  /** item date on or after (YYYY-MM-DD) */
  @IsOptional() @IsBusinessDate()
  from?: string;

  @IsOptional() @IsBusinessDate()
  to?: string;
}
