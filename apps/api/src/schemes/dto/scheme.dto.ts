import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsBusinessQuarter } from '../../common/business-date';
import { QueryId } from '../../common/parse-id.pipe';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { Trim } from '../../common/dto/transforms';

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
  @IsBusinessQuarter()
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
  @IsId()
  version: number;
}

export class SchemeDiffQuery {
  @QueryId()
  a: number;

  @QueryId()
  b: number;
}

export class SchemePreviewDto extends SchemeDocumentDto {
  @IsBusinessQuarter()
  quarter: string;
}
