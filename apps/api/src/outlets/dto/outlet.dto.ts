import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CHANNELS, LEVELS, MEDIA, type Channel, type Level, type Medium } from '@app/contracts';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '') : value);

export class CreateOutletDto {
  @Transform(upper) @IsString() @IsNotEmpty() @MaxLength(40) @Matches(/^[A-Z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
  code: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  @IsOptionalNonNull() @Transform(trimAll) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true })
  aliases?: string[];

  @IsIn(LEVELS)
  level: Level;

  @IsIn(CHANNELS)
  channel: Channel;

  @IsIn(MEDIA)
  medium: Medium;
}

export class UpdateOutletDto {
  @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name?: string;

  @IsOptionalNonNull() @Transform(trimAll) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true })
  aliases?: string[];

  @IsOptionalNonNull() @IsIn(LEVELS)
  level?: Level;

  @IsOptionalNonNull() @IsIn(CHANNELS)
  channel?: Channel;

  @IsOptionalNonNull() @IsIn(MEDIA)
  medium?: Medium;

  @IsOptionalNonNull() @IsBoolean()
  active?: boolean;

  /** The version the client edited; a stale one is refused with 409. */
  @IsId()
  version: number;
}

export class ListOutletsQuery extends PageQuery {
  @IsOptional() @IsIn(LEVELS)
  level?: Level;

  @IsOptional() @IsIn(CHANNELS)
  channel?: Channel;

  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  active?: boolean;

  /** matches name, code or an alias */
  @IsOptional() @IsString() @MaxLength(50)
  q?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  pageSize: number = 50;
}
