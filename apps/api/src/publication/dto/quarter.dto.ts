import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { Trim } from '../../common/dto/transforms';
import { IsBusinessDate } from '../../common/business-date';

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

export class CloseQuarterDto {
  /** Leave out the entries that are still under review; they are listed in the notice. */
  @IsOptionalNonNull() @IsBoolean()
  excludeUnverified?: boolean;
}

export class PublishQuarterDto {
  /** Why a published quarter is published again (printed in the 更正通报). */
  @IsOptional() @Trim() @IsString() @MaxLength(500)
  reason?: string;

  /** Publish as a 补录 quarter (history loaded afterwards); set already when the history import loaded it. */
  @IsOptionalNonNull() @IsBoolean()
  backfill?: boolean;
}

export class NoticeTextsDto {
  @IsOptional() @Trim() @IsString() @MaxLength(50)
  docNumber?: string;

  @IsOptional() @IsString() @MaxLength(2000)
  opening?: string;

  @IsOptional() @IsString() @MaxLength(5000)
  requirements?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(100)
  issuer?: string;

  @IsOptional() @IsBusinessDate()
  issuedDate?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(200)
  copyTo?: string;
}

export class CreateDisputeDto {
  @IsOptional() @IsId()
  scoreLineId?: number;

  @Trim() @IsString() @MaxLength(2000) @Matches(/\S/, { message: '请填写理由' })
  reason: string;

  /** The office files for a unit; officers and reviewers always for their own. */
  @IsOptional() @IsId()
  unitId?: number;
}

export class AnswerDisputeDto {
  @Trim() @IsString() @MaxLength(2000) @Matches(/\S/, { message: '请填写答复' })
  answer: string;
}
