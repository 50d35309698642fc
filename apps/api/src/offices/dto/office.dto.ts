import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Overrides of the deployment's business settings for one office; omitted keys follow the deployment. */
export class OfficeSettingsDto {
  @ApiPropertyOptional() @IsOptionalNonNull() @IsInt() @Min(1) @Max(28)
  monthlyReportDueDay?: number;

  @ApiPropertyOptional() @IsOptionalNonNull() @IsInt() @Min(0) @Max(60)
  quarterDisputeDays?: number;

  @ApiPropertyOptional() @IsOptionalNonNull() @IsInt() @Min(0) @Max(366)
  placementEarlyMarginDays?: number;
}

/** The office's first administrator, who then creates its units, groups and users. */
export class OfficeAdminDto {
  @Transform(lower) @IsString() @IsNotEmpty() @MaxLength(50) @Matches(/^[a-z0-9_.-]+$/, { message: '只能包含小写字母、数字、下划线、点和短横线' })
  username: string;

  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  displayName: string;

  /** Initial password (password policy applies); it must be changed at first login. */
  @IsString() @IsNotEmpty() @MaxLength(200)
  password: string;
}

export class CreateOfficeDto {
  /** The office above the new one: the caller's own office or one below it. */
  @IsId()
  parentId: number;

  @Transform(upper) @IsString() @IsNotEmpty() @MaxLength(32) @Matches(/^[A-Z0-9_-]+$/, { message: '只能包含字母、数字、下划线和短横线' })
  code: string;

  /** e.g. 中共示例市委组织部办公室 */
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  name: string;

  /** e.g. 示例市 (全市 in notice titles) */
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(50)
  regionName: string;

  /** 发文机关标志, e.g. 中共示例市委组织部 */
  @ApiPropertyOptional() @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100)
  issuingAuthority?: string;

  /** 发文字号 prefix, e.g. 示市组办 */
  @ApiPropertyOptional() @IsOptionalNonNull() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(20)
  docNumberPrefix?: string;

  /**
   * A ranking group of the parent office: the new office is then ranked in the parent's
   * quarters as one unit, scored by the parent's scheme over its verified records. Omitted: the
   * parent does not rank it.
   */
  @ApiPropertyOptional() @IsOptionalNonNull() @IsId()
  rankingGroupId?: number;

  @ApiPropertyOptional({ type: OfficeSettingsDto }) @IsOptionalNonNull() @ValidateNested() @Type(() => OfficeSettingsDto)
  settings?: OfficeSettingsDto;

  @ValidateNested() @Type(() => OfficeAdminDto)
  admin: OfficeAdminDto;
}

const unlessNull = () => ValidateIf((_object, value) => value !== undefined && value !== null);

/**
 * PATCH /api/offices/settings: the caller's office's own business settings. A number sets the
 * office's value, `null` returns the setting to the deployment's, an omitted key is left as is.
 */
export class UpdateOfficeSettingsDto {
  @ApiPropertyOptional({ nullable: true, minimum: 1, maximum: 28 }) @unlessNull() @IsInt() @Min(1) @Max(28)
  monthlyReportDueDay?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 60 }) @unlessNull() @IsInt() @Min(0) @Max(60)
  quarterDisputeDays?: number | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 366 }) @unlessNull() @IsInt() @Min(0) @Max(366)
  placementEarlyMarginDays?: number | null;
}
