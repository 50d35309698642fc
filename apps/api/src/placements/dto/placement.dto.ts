import { PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, MaxLength, Min } from 'class-validator';
import { MEDIA, PROMINENCES, type Medium, type Prominence } from '@app/contracts';
import { Trim } from '../../common/dto/transforms';
import { IsBusinessDateOrTime } from '../../common/business-date';

export class CreatePlacementDto {
  @IsInt() @Min(1)
  outletId: number;

  /** YYYY-MM-DD (a business date) or an ISO timestamp. */
  @IsString() @IsNotEmpty() @IsBusinessDateOrTime()
  publishedAt: string;

  @IsOptional() @Trim() @IsString() @MaxLength(50)
  page?: string;

  @IsOptional() @IsIn(PROMINENCES)
  prominence?: Prominence;

  @IsOptional() @IsIn(MEDIA)
  medium?: Medium;

  @IsOptional() @Trim() @IsUrl({ require_protocol: true }, { message: '网址格式不正确（应以 http:// 或 https:// 开头）' }) @MaxLength(500)
  url?: string;

  @IsOptional() @IsInt() @Min(0)
  views?: number;

  @IsOptional() @IsInt() @Min(0)
  shares?: number;
}

/** Any field of a placement, each optional; the edited version is required. */
export class UpdatePlacementDto extends PartialType(CreatePlacementDto) {
  @IsInt() @Min(1)
  version: number;
}
