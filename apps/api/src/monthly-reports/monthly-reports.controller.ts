import { Body, Controller, Get, Header, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { Auth, type AuthUser } from '../auth/auth-user';
import { ParseMonthPipe } from '../common/parse-month.pipe';
import { Roles } from '../auth/roles.decorator';
import { ComplianceQuery, FileMonthlyReportDto, HistoryQuery, ListMonthlyReportsQuery, RecordMonthlyReportDto, UnitQuery } from './dto/monthly-report.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { MonthlyReportsService } from './monthly-reports.service';
import { writeComplianceSheet } from './compliance-sheet';
import { XLSX_CONTENT_TYPE } from '../common/xlsx/content-type';
import { ApiAnswer, ApiFile } from '../common/openapi';

@ApiTags('monthly-reports 月度报送')
@Controller('monthly-reports')
export class MonthlyReportsController {
  constructor(private readonly service: MonthlyReportsService, private readonly audit: AuditService) {}

  @Roles('office', 'leader', 'officer', 'reviewer') @Get()
  @ApiAnswer('MonthlyReportListRow', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListMonthlyReportsQuery) {
    return this.service.list(user, query);
  }

  @Roles('office', 'leader') @Get('compliance')
  @ApiAnswer('ComplianceReport')
  compliance(@Auth() user: AuthUser, @Query() query: ComplianceQuery) {
    return this.service.compliance(user, query.month);
  }

  /** 月报情况 as a spreadsheet, with each unit's contact person. */
  @Roles('office', 'leader') @Get('compliance.xlsx') @Header('Content-Type', XLSX_CONTENT_TYPE)
  @ApiFile(XLSX_CONTENT_TYPE)
  async complianceXlsx(@Auth() user: AuthUser, @Query() query: ComplianceQuery, @Res({ passthrough: true }) res: Response) {
    const report = await this.service.compliance(user, query.month);
    await this.audit.record(user, 'export', 'monthly-compliance', 0, null, { month: report.month });
    const name = `月报情况-${report.month}.xlsx`;
    res.setHeader('Content-Disposition', `attachment; filename="monthly-compliance-${report.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return new StreamableFile(await writeComplianceSheet(report));
  }

  @Roles('office', 'leader', 'officer', 'reviewer') @Get('history')
  @ApiAnswer('MonthStanding', 'list')
  history(@Auth() user: AuthUser, @Query() query: HistoryQuery) {
    return this.service.history(user, query);
  }

  @Roles('office', 'officer', 'reviewer') @Get('draft/:month')
  @ApiAnswer('MonthStandingWithDraft')
  draft(@Auth() user: AuthUser, @Param('month', ParseMonthPipe) month: string, @Query() query: UnitQuery) {
    return this.service.draft(user, month, query.unitId);
  }

  @Roles('office', 'leader', 'officer', 'reviewer') @Get(':month')
  @ApiAnswer('MonthStanding')
  get(@Auth() user: AuthUser, @Param('month', ParseMonthPipe) month: string, @Query() query: UnitQuery) {
    return this.service.get(user, month, query.unitId);
  }

  @Roles('officer') @Put(':month')
  @ApiAnswer('MonthStanding')
  file(@Auth() user: AuthUser, @Param('month', ParseMonthPipe) month: string, @Body() dto: FileMonthlyReportDto) {
    return this.service.file(user, month, dto);
  }

  /** The office records or corrects a unit's report with its real filing time (received by e-mail, paper, phone). */
  @Roles('office') @Put(':month/units/:unitId')
  @ApiAnswer('MonthStanding')
  record(@Auth() user: AuthUser, @Param('month', ParseMonthPipe) month: string, @Param('unitId', ParseIdPipe) unitId: number, @Body() dto: RecordMonthlyReportDto) {
    return this.service.record(user, month, unitId, dto);
  }
}
