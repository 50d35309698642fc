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
  @IsOptional() @IsISO8601()
  from?: string;

  @IsOptional() @IsISO8601()
  to?: string;
}
