import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { QueryId } from '../../common/parse-id.pipe';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
/** Groups are listed by this number; a few dozen groups at most. */
const MAX_SORT_ORDER = 9999;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  /** Short stable code, e.g. LJJD; stored upper-case. */
  @Transform(upper) @IsString() @IsNotEmpty() @MaxLength(32) @Matches(/^[A-Z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
  code: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @IsId()
  groupId: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactPhone?: string;
}

export class UpdateUnitDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name?: string;

  @IsOptionalNonNull() @IsId()
  groupId?: number;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;

  @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactName?: string;

  @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactPhone?: string;

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
