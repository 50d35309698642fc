import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles, SeparatedDuty } from '../auth/roles.decorator';
import { AuditService } from './audit.service';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit 审计日志')
@Controller('audit')
export class AuditController {
  constructor(private readonly service: AuditService) {}

  @Roles('office', 'admin', 'auditor')
  @SeparatedDuty('audit')
  @Get()
  list(@Auth() user: AuthUser, @Query() query: ListAuditQuery) {
    return this.service.list(user, query);
  }
}
