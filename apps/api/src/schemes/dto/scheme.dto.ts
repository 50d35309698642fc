import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { isQuarter } from '@app/scoring';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { Trim } from '../../common/dto/transforms';

/** DTO field: a quarter 'YYYY-Qn' (the Chinese message passes through common/validation.ts as is). */
export const IsQuarter = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isQuarter', validator: { validate: (v) => isQuarter(v), defaultMessage: () => '季度格式不正确（应为 YYYY-Qn，如 2024-Q3）' } }, options);
/**
 * A scheme is a page or two of YAML (the standard preset: 1,900 characters). The bound also
 * keeps a document, and the audit entry that copies it, within a TEXT column on MariaDB
 * (65,535 bytes; a Chinese character takes three).
 */
export const MAX_DOCUMENT_CHARS = 16_000;

export class SchemeDocumentDto {
  /** The scheme as YAML (JSON is YAML too). */
  @IsString() @IsNotEmpty() @MaxLength(MAX_DOCUMENT_CHARS)
  document: string;
}

export class CreateSchemeVersionDto {
  @IsQuarter()
  effectiveFrom: string;

  /** Copy this version's document (give either copyOf or document). */
  @IsOptionalNonNull() @IsId()
  copyOf?: number;

  @IsOptionalNonNull() @IsString() @IsNotEmpty() @MaxLength(MAX_DOCUMENT_CHARS)
  document?: string;

  /** Defaults to the `name` inside the document. */
  @IsOptionalNonNull() @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  name?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(500)
  note?: string;
}

export class UpdateSchemeVersionDto {
  @IsOptionalNonNull() @IsString() @IsNotEmpty() @MaxLength(MAX_DOCUMENT_CHARS)
  document?: string;

  @IsOptionalNonNull() @Trim() @IsString() @IsNotEmpty() @MaxLength(100)
  name?: string;

  @IsOptional() @Trim() @IsString() @MaxLength(500)
  note?: string;

  /** The version the form was loaded at; a save over someone else's is refused. */
  @IsOptionalNonNull() @IsId()
  version?: number;
}

export class SchemeDiffQuery {
  @Type(() => Number) @IsInt() @Min(1)
  a: number;

  @Type(() => Number) @IsInt() @Min(1)
  b: number;
}

export class SchemePreviewDto extends SchemeDocumentDto {
  @IsQuarter()
  quarter: string;
}
