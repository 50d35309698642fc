import { OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { ENTRY_STATUSES, type EntryStatus } from '@app/contracts';
import { PageQuery } from '../../common/dto/page.query';
import { Trim } from '../../common/dto/transforms';
import { QueryId } from '../../common/parse-id.pipe';
import { IsBusinessDate, IsBusinessDateOrTime } from '../../common/business-date';
import { IsId } from '../../common/dto/numbers';
import { OfficeRecordingDto } from '../../common/dto/office-recording.dto';

/** A book-length article; anything above is a typing slip. */
const MAX_WORD_COUNT = 1_000_000;

export class ArticleUnitDto {
  @IsId()
  unitId: number;

  /** Percentage with at most 2 decimals; omit on every unit for an equal split. */
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }, { message: '份额最多两位小数' }) @Min(0.01) @Max(100)
  sharePercent?: number;
}

export class CreateArticleDto {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  title: string;

  @IsOptional() @IsString() @MaxLength(20000)
  summary?: string;

  @IsOptional() @IsInt() @Min(0) @Max(MAX_WORD_COUNT)
  wordCount?: number;

  @IsOptional() @Trim() @IsString() @MaxLength(30)
  genre?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(200)
  authors?: string;

  /** ISO timestamp or a YYYY-MM-DD business date; default now. */
  @IsOptional() @IsString() @IsBusinessDateOrTime()
  submittedAt?: string;

  /** The submitting units; default: the officer's own unit. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => ArticleUnitDto)
  units?: ArticleUnitDto[];

  /** The office records for a unit: which unit owns it (officers: always their own). */
  @IsOptional() @IsId()
  ownerUnitId?: number;
}

/**
 * Every field of a new article but its owner, each optional; the edited version is required.
 * Absent means unchanged; null clears only what a new article may leave out (the title stays).
 */
export class UpdateArticleDto extends PartialType(OmitType(CreateArticleDto, ['ownerUnitId'] as const), { skipNullProperties: false }) {
  /** The version the client edited; a stale one is refused with 409. */
  @IsId()
  version: number;
}

export class ListArticlesQuery extends PageQuery {
  @IsOptional() @IsIn(ENTRY_STATUSES)
  status?: EntryStatus;

  @IsOptional() @QueryId()
  unitId?: number;

  @IsOptional() @IsString() @MaxLength(100)
  q?: string;

  /** submitted on or after (YYYY-MM-DD) */
  @IsOptional() @IsBusinessDate()
  from?: string;

  @IsOptional() @IsBusinessDate()
  to?: string;
}

export class SimilarQuery {
  @IsString() @IsNotEmpty() @MaxLength(200)
  title: string;

  @IsOptional() @QueryId()
  excludeId?: number;
}

export class BulkDeleteArticlesDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @IsId({ each: true })
  ids: number[];
}

/** The office records when an article really reached it, and how (e-mail, paper, phone). */
export class RecordSubmissionDto extends OfficeRecordingDto {
  /** YYYY-MM-DD HH:mm in the business zone, or an ISO timestamp; not in the future. */
  @IsString() @IsBusinessDateOrTime()
  submittedAt: string;

  @IsId()
  version: number;
}
