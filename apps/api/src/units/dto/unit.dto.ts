import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { QueryId } from '../../common/parse-id.pipe';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** Groups are listed by this number; a few dozen groups at most. */
const MAX_SORT_ORDER = 9999;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An optional text: trimmed, and empty or blank means "none" (null clears it). */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

/**
 * The person the office calls when a unit's report or 约稿 is late: a name of 2–20 characters
 * without digits, and a mainland mobile (11 digits, 1[3-9]…) or a landline with its area code
 * (0571-87654321, 010-12345678-123). Checked here so that the 月报情况 page never shows a number
 * nobody can dial.
 */
const IsContactName = () => applyDecorators(
  IsOptional(), Transform(trimToNull), IsString(), MinLength(2), MaxLength(20),
  Matches(/^[^\d]+$/, { message: '联系人姓名不能包含数字' }),
);
const IsContactPhone = () => applyDecorators(
  IsOptional(), Transform(trimToNull), IsString(), MaxLength(20),
  Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, { message: '联系电话格式不正确：手机号为 11 位数字，座机请带区号，如 0571-87654321' }),
);

export class CreateUnitDto {
  /** Short stable code, e.g. LJJD; stored upper-case. */
  @Transform(upper) @IsString() @IsNotEmpty() @MaxLength(32) @Matches(/^[A-Z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
  code: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @IsId()
  groupId: number;

  @ApiPropertyOptional({ description: '联系人姓名，2–20 个字；空白表示不设' }) @IsContactName()
  contactName?: string | null;

  @ApiPropertyOptional({ description: '联系电话：11 位手机号，或区号-座机号（可带分机）' }) @IsContactPhone()
  contactPhone?: string | null;
}

export class UpdateUnitDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name?: string;

  @IsOptionalNonNull() @IsId()
  groupId?: number;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;

  @IsContactName()
  contactName?: string | null;

  @IsContactPhone()
  contactPhone?: string | null;

  /** The version the client edited; a stale one is refused with 409. */
  /** The version the client edited; a stale one is refused with 409. */
  @IsId()
  version: number;
}

export class ListUnitsQuery extends PageQuery {
  @IsOptional() @QueryId()
  groupId?: number;

  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  active?: boolean;

  /** matches code or name */
  @IsOptional() @IsString() @MaxLength(50)
  q?: string;
}

export class CreateRankingGroupDto {
  @Transform(upper) @IsString() @IsNotEmpty() @MaxLength(32) @Matches(/^[A-Z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
  code: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  name: string;

  @IsOptionalNonNull() @IsInt() @Min(0) @Max(MAX_SORT_ORDER)
  sortOrder?: number;
}

export class UpdateRankingGroupDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  name?: string;

  @IsOptionalNonNull() @IsInt() @Min(0) @Max(MAX_SORT_ORDER)
  sortOrder?: number;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;
}
