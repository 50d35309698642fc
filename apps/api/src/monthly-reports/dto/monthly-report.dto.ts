import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsBusinessMonth } from '../../common/business-date';
import { IsId } from '../../common/dto/numbers';
import { IsOptionalNonNull } from '../../common/dto/optional';
import { PageQuery } from '../../common/dto/page.query';
import { Trim } from '../../common/dto/transforms';
import { QueryId } from '../../common/parse-id.pipe';

/** What a unit files for a month; the month itself is in the path. */
export class FileMonthlyReportDto {
  @IsInt() @Min(0) @Max(100000)
  articlesSubmitted: number;

  @IsInt() @Min(0) @Max(100000)
  placementsAdopted: number;

  @IsOptional() @Trim() @IsString() @MaxLength(2000)
  narrative?: string;

  /**
   * The version last read, to refuse overwriting a correction someone else saved meanwhile;
   * required once the month has a report (a first filing has none to send).
   */
  @IsOptionalNonNull() @IsId()
  version?: number;
}

/** Which unit, for the office; officers and reviewers always get their own. */
export class UnitQuery {
  @IsOptional() @QueryId()
  unitId?: number;
}

export class ComplianceQuery {
  @IsBusinessMonth()
  month: string;
}

export class HistoryQuery extends UnitQuery {
  /** first month, default 11 months before `to` */
  @IsOptional() @IsBusinessMonth()
  from?: string;

  /** last month, default the current month */
  @IsOptional() @IsBusinessMonth()
  to?: string;
}

export class ListMonthlyReportsQuery extends PageQuery {
  @IsOptional() @QueryId()
  unitId?: number;

  @IsOptional() @IsBusinessMonth()
  from?: string;

  @IsOptional() @IsBusinessMonth()
  to?: string;
}
