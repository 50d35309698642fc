import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole } from '../auth/roles.decorator';
import { YearRankingService } from './year-ranking.service';
import { IsBusinessQuarter } from '../common/business-date';
import { XLSX_TYPE, xlsxAttachment } from '../common/xlsx/download';
import { ApiAnswer, ApiFile } from '../common/openapi';

class YearQuery {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year: number;

  /** Year to date up to this quarter (e.g. 2023-Q2); default the whole year. */
  @IsOptional() @IsBusinessQuarter()
  through?: string;
}

class TrendQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20)
  count: number = 8;
}

/** Published standings only: what a notice said, summed over a year or followed over quarters. */
@ApiTags('rankings 排名')
@Controller('rankings')
export class RankingsController {
  constructor(private readonly service: YearRankingService) {}

  @AnyRole() @Get('year')
  @ApiAnswer('YearRanking')
  year(@Auth() user: AuthUser, @Query() query: YearQuery) {
    return this.service.year(user, query.year, query.through);
  }

  @AnyRole() @Get('year.xlsx') @Header('Content-Type', XLSX_TYPE) @Header('Content-Disposition', xlsxAttachment('year-ranking.xlsx', '年度汇总.xlsx'))
  @ApiFile(XLSX_TYPE)
  async yearSheet(@Auth() user: AuthUser, @Query() query: YearQuery) {
    return new StreamableFile(await this.service.yearSheet(user, query.year, query.through));
  }

  @AnyRole() @Get('trend')
  @ApiAnswer('TrendPoint', 'list')
  trend(@Auth() user: AuthUser, @Query() query: TrendQuery) {
    return this.service.trend(user, query.count);
  }
}
