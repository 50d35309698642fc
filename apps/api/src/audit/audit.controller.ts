import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles, SeparatedDuty } from '../auth/roles.decorator';
import { XLSX_TYPE, xlsxAttachment } from '../common/xlsx/download';
import { AuditService } from './audit.service';
import { ListAuditQuery } from './dto/list-audit.query';
import { ApiAnswer, ApiFile } from '../common/openapi';

@ApiTags('audit 审计日志')
@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Roles('office', 'admin', 'auditor')
  @SeparatedDuty('audit')
  @Get()
  @ApiAnswer('AuditEntryResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListAuditQuery) {
    return this.service.list(user, query);
  }

  /** The filtered log (every page) as a workbook. */
  @Roles('office', 'admin', 'auditor')
  @SeparatedDuty('audit')
  @Get('export.xlsx')
  @Header('Content-Type', XLSX_TYPE) @Header('Content-Disposition', xlsxAttachment('audit-log.xlsx', '审计日志.xlsx'))
  @ApiFile(XLSX_TYPE)
  async export(@Auth() user: AuthUser, @Query() query: ListAuditQuery) {
    return new StreamableFile(await this.service.export(user, query));
  }
}
