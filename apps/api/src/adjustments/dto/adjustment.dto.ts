import { OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy } from 'class-validator';
import { ADJUSTMENT_STATUSES, type AdjustmentStatus } from '@app/contracts';
import { parseFixed } from '@app/scoring';
import { IsBusinessQuarter } from '../../common/business-date';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { QueryBoolean, Trim } from '../../common/dto/transforms';
import { QueryId } from '../../common/parse-id.pipe';

/** The largest adjustment, in points: far above any real 加减分, low enough to catch a slip. */
export const MAX_ADJUSTMENT_POINTS = 1000;

/** Parses a decimal number or text with at most 4 decimals into ten-thousandths, or null when it is not one. */
export function adjustmentPoints(value: unknown): number | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  if (typeof value === 'string' && !/^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) return null;
  const parsed = parseFixed(value);
  if (parsed === null || parsed === 0 || Math.abs(parsed) > MAX_ADJUSTMENT_POINTS * 10_000) return null;
  return parsed;
}

/** DTO field: ± points as a number or decimal text, ≤ 4 decimals, not zero, |points| ≤ 1000. */
const IsAdjustmentPoints = () =>
  ValidateBy({
    name: 'isAdjustmentPoints',
    validator: {
      validate: (v) => adjustmentPoints(v) !== null,
      defaultMessage: () => `分值应为非零数字，最多 4 位小数，绝对值不超过 ${MAX_ADJUSTMENT_POINTS}`,
    },
  });

export class CreateAdjustmentDto {
  @IsId()
  unitId: number;

  @IsBusinessQuarter()
  quarter: string;

  /** e.g. "-3", 2.5; negative takes points away. */
  @IsAdjustmentPoints()
  points: string | number;

  @Trim() @IsString() @IsNotEmpty() @MaxLength(500)
  reason: string;
}

/** Any field of a pending adjustment; the edited version is required. */
export class UpdateAdjustmentDto extends PartialType(OmitType(CreateAdjustmentDto, ['unitId'] as const), { skipNullProperties: false }) {
  @IsOptionalNonNull() @IsId()
  unitId?: number;

  @IsId()
  version: number;
}

export class DecideAdjustmentDto {
  /** The version the approver looked at: a change since then is refused with 409. */
  @IsId()
  version: number;

  /** Required when rejecting. */
  @IsOptional() @Trim() @IsString() @MaxLength(500)
  note?: string;
}

export class ListAdjustmentsQuery extends PageQuery {
  /** officers and reviewers always get their own unit */
  @IsOptional() @QueryId()
  unitId?: number;

  @IsOptional() @IsBusinessQuarter()
  quarter?: string;

  @IsOptional() @IsIn(ADJUSTMENT_STATUSES)
  status?: AdjustmentStatus;

  /** Pending ones the caller may approve: recorded by another office user (the home page's count). */
  @IsOptional() @QueryBoolean() @IsBoolean()
  awaitingMe?: boolean;
}
