import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Auth, type AuthUser } from '../auth/auth-user';
import { AnyRole, Roles } from '../auth/roles.decorator';
import { ListJobsQuery } from './dto/list-jobs.query';
import { JobsService } from './jobs.service';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiAnswer } from '../common/openapi';

@ApiTags('jobs 后台任务')
@Controller('jobs')
export class JobsController {
  constructor(private readonly service: JobsService) {}

  @Roles('office', 'admin')
  @Get()
  @ApiAnswer('JobResponse', 'page')
  list(@Auth() user: AuthUser, @Query() query: ListJobsQuery) {
    return this.service.list(user, query);
  }

  @AnyRole()
  @Get(':id')
  @ApiAnswer('JobResponse')
  get(@Auth() user: AuthUser, @Param('id', ParseIdPipe) id: number) {
    return this.service.get(user, id);
  }
}
