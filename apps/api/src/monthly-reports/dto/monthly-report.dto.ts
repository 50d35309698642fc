import { IntersectionType } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsBusinessDateOrTime, IsBusinessMonth } from '../../common/business-date';
import { IsId } from '../../common/dto/numbers';
import { OfficeRecordingDto } from '../../common/dto/office-recording.dto';
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

/**
 * A report the office records (or corrects) for a unit with its real filing time, as received
 * by e-mail, on paper or by phone. Officers file through FileMonthlyReportDto, always "now".
 */
export class RecordMonthlyReportDto extends IntersectionType(FileMonthlyReportDto, OfficeRecordingDto) {
  /** When the unit's report was received: YYYY-MM-DD HH:mm in the business zone, or an ISO timestamp. */
  @IsString() @IsBusinessDateOrTime()
  filedAt: string;
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
