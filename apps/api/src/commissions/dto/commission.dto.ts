import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate, IsBusinessDateOrTime } from '../../common/business-date';
import { IsId } from '../../common/dto/numbers';
import { OfficeRecordingDto } from '../../common/dto/office-recording.dto';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { QueryBoolean, Trim } from '../../common/dto/transforms';
import { QueryId } from '../../common/parse-id.pipe';

export class CreateCommissionDto {
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  topic: string;

  @IsOptional() @Trim() @IsString() @MaxLength(5000)
  description?: string;

  /** Defaults to today's business date. */
  @IsOptional() @IsBusinessDate()
  issuedDate?: string;

  /** An article submitted on or before this business date answers on time. */
  @IsBusinessDate()
  deadline: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsId({ each: true })
  targetUnitIds: number[];

  /** 发文单位 category, e.g. 市委办公室; empty (the default) = the office itself. */
  @IsOptional() @Trim() @IsString() @MaxLength(50)
  issuer?: string;
}

export class UpdateCommissionDto {
  @IsOptionalNonNull() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  topic?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(5000)
  description?: string;

  @IsOptionalNonNull() @IsBusinessDate()
  issuedDate?: string;

  @IsOptionalNonNull() @IsBusinessDate()
  deadline?: string;

  @IsOptionalNonNull() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsId({ each: true })
  targetUnitIds?: number[];

  /** null or empty: the office itself. */
  @IsOptional() @Trim() @IsString() @MaxLength(50)
  issuer?: string | null;

  /** The version the client edited; a stale one is refused with 409. */
  @IsId()
  version: number;
}

export class AnswerCommissionDto {
  @IsId()
  articleId: number;
}

export class ListCommissionsQuery extends PageQuery {
  /** open: deadline today or later; closed: deadline passed */
  @IsOptional() @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  /** commissions targeting this unit (officers and reviewers always get their own) */
  @IsOptional() @QueryId()
  unitId?: number;

  /** part of the topic */
  @IsOptional() @IsString() @MaxLength(50)
  q?: string;

  /** whether the caller's unit (or `unitId`) has answered */
  @IsOptional() @QueryBoolean() @IsBoolean()
  answered?: boolean;
}

export class CompletionQuery {
  /** commissions whose deadline falls in [from, to] */
  @IsBusinessDate()
  from: string;

  @IsBusinessDate()
  to: string;
}

/** The office records a unit's answer with the time it came in, and how (e-mail, paper, phone). */
export class RecordAnswerDto extends OfficeRecordingDto {
  @IsId()
  articleId: number;

  /** YYYY-MM-DD HH:mm in the business zone, or an ISO timestamp; not in the future. */
  @IsString() @IsBusinessDateOrTime()
  answeredAt: string;
}
