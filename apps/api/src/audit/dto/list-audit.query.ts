import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/dto/page.query';

export class ListAuditQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(40)
  entity?: string;

  @IsOptional() @IsString() @MaxLength(40)
  entityId?: string;

  @IsOptional() @IsString() @MaxLength(50)
  username?: string;

  @IsOptional() @IsString() @MaxLength(40)
  action?: string;

  /** ISO timestamp (UTC) */
  // strict: 2026-02-30 is refused, not rolled over into March.
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}
