import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { QueryId } from '../../common/parse-id.pipe';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  /** Short stable code, e.g. LJJD; stored upper-case. */
  @Transform(upper) @IsString() @IsNotEmpty() @MaxLength(32) @Matches(/^[A-Z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
  code: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @IsInt() @Min(1)
  groupId: number;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactPhone?: string;
}

export class UpdateUnitDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name?: string;

  @IsOptionalNonNull() @IsInt() @Min(1)
  groupId?: number;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;

  @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactName?: string;

  @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  contactPhone?: string;

  /** The version the client edited; a stale one is refused with 409. */
  @IsInt() @Min(1)
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

  @IsOptionalNonNull() @IsInt()
  sortOrder?: number;
}

export class UpdateRankingGroupDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  name?: string;

  @IsOptionalNonNull() @IsInt()
  sortOrder?: number;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;
}
