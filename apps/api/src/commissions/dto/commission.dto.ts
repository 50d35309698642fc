import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { IsBusinessDate } from '../../common/business-date';
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

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsInt({ each: true })
  targetUnitIds: number[];
}

export class UpdateCommissionDto {
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  topic?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(5000)
  description?: string;

  @IsOptional() @IsBusinessDate()
  issuedDate?: string;

  @IsOptional() @IsBusinessDate()
  deadline?: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ArrayUnique() @IsInt({ each: true })
  targetUnitIds?: number[];

  /** The version the client edited; a stale one is refused with 409. */
  @IsInt() @Min(1)
  version: number;
}

export class AnswerCommissionDto {
  @IsInt() @Min(1)
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
