import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ENTRY_STATUSES, LEVELS, type EntryStatus, type Level } from '@app/contracts';
import { IsId } from '../../common/dto/numbers';
import { PageQuery } from '../../common/dto/page.query';
import { QueryId } from '../../common/parse-id.pipe';
import { IsBusinessDate } from '../../common/business-date';

export const ENTRY_TYPES = ['articles', 'placements', 'instructions', 'items'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const REVIEW_ACTIONS = ['submit', 'approve', 'return', 'verify', 'reject', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export class ReviewActionDto {
  /** Required when returning, rejecting or reopening: the officer reads it. */
  @IsOptional() @IsString() @MaxLength(500)
  reason?: string;
}

export class ReviewItemDto {
  @IsIn(ENTRY_TYPES)
  type: EntryType;

  @IsId()
  id: number;
}

export class BulkReviewDto extends ReviewActionDto {
  @IsIn(REVIEW_ACTIONS)
  action: ReviewAction;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ReviewItemDto)
  items: ReviewItemDto[];
}

export class ReviewQueueQuery extends PageQuery {
  @IsOptional() @IsIn(ENTRY_TYPES)
  type: EntryType = 'placements';

  /** Default: what awaits the caller (reviewer: submitted; office: unit-approved). */
  @IsOptional() @IsIn(ENTRY_STATUSES)
  status?: EntryStatus;

  @IsOptional() @QueryId()
  unitId?: number;

  @IsOptional() @IsIn(LEVELS)
  level?: Level;

  @IsOptional() @QueryId()
  outletId?: number;

  @IsOptional() @IsBusinessDate()
  from?: string;

  @IsOptional() @IsBusinessDate()
  to?: string;
}

export class EvidenceRuleQuery {
  /** A placement's 刊发日期: the scheme in force for its quarter decides. */
  @IsBusinessDate()
  date: string;
}
