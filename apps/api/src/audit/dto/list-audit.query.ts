import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES } from '@app/contracts';
import { PageQuery } from '../../common/dto/page.query';

export class ListAuditQuery extends PageQuery {
  /** object type, one of the catalogue's (AUDIT_ENTITY_NAMES) */
  @IsOptional() @IsIn(Object.keys(AUDIT_ENTITY_NAMES))
  entity?: string;

  @IsOptional() @IsString() @MaxLength(40)
  entityId?: string;

  /** the person, by user id */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  userId?: number;

  /** the people of a unit */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  unitId?: number;

  /** a login name, also one no account has (failed logins) */
  @IsOptional() @IsString() @MaxLength(50)
  username?: string;

  @IsOptional() @IsIn(Object.keys(AUDIT_ACTION_NAMES))
  action?: string;

  /** ISO timestamp (UTC) */
  // strict: 2026-02-30 is refused, not rolled over into March.
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}
