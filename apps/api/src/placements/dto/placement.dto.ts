import { PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';
import { MEDIA, PLACEMENT_FORMS, PROMINENCES, type Medium, type PlacementForm, type Prominence } from '@app/contracts';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { Trim } from '../../common/dto/transforms';
import { IsBusinessDateOrTime } from '../../common/business-date';

/** Views and shares of one placement: a billion is far beyond any real figure. */
const MAX_COUNT = 1_000_000_000;

export class CreatePlacementDto {
  @IsId()
  outletId: number;

  /** YYYY-MM-DD (a business date) or an ISO timestamp. */
  @IsString() @IsNotEmpty() @IsBusinessDateOrTime()
  publishedAt: string;

  @IsOptional() @Trim() @IsString() @MaxLength(50)
  page?: string;

  /** Defaults to normal; the column holds no null. */
  @IsOptionalNonNull() @IsIn(PROMINENCES)
  prominence?: Prominence;

  @IsOptional() @IsIn(MEDIA)
  medium?: Medium;

  /** 采用形式; defaults to full (全文), the column holds no null. */
  @IsOptionalNonNull() @IsIn(PLACEMENT_FORMS)
  form?: PlacementForm;

  @IsOptional() @Trim() @IsUrl({ require_protocol: true }, { message: '网址格式不正确（应以 http:// 或 https:// 开头）' }) @MaxLength(500)
  url?: string;

  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT)
  views?: number;

  @IsOptional() @IsInt() @Min(0) @Max(MAX_COUNT)
  shares?: number;
}

/**
 * Any field of a placement, each optional; the edited version is required. Absent means
 * unchanged; null clears only what a new placement may leave out (outlet and date stay).
 */
export class UpdatePlacementDto extends PartialType(CreatePlacementDto, { skipNullProperties: false }) {
  @IsId()
  version: number;
}
