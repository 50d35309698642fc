import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthResponse } from '@app/contracts';
import { Public } from '../auth/roles.decorator';
import { APP_CONFIG } from '../config/config.module';
import { DatabaseProbe } from '../database/database-probe';
import type { AppConfig } from '../config/app-config';
import { JobDriver } from '../jobs/job-driver';
import { JobsService } from '../jobs/jobs.service';
import { ApiAnswer } from '../common/openapi';

@ApiTags('health 健康检查')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    private readonly driver: JobDriver,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 when the database and the queue answer, 503 when either does not. */
  @Public()
  @Get()
  @ApiAnswer('HealthResponse')
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const [database, queue] = await Promise.all([this.database.isUp(), this.driver.isHealthy()]);
    const up = database && queue;
    const recomputeBacklog = database ? await this.jobs.backlog('scores.recompute').catch(() => null) : null;
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? 'up' : 'down',
      database: database ? 'up' : 'down',
      queue: { mode: this.driver.mode, status: queue ? 'up' : 'down' },
      recomputeBacklog,
      role: this.config.role,
      version: '0.1.0',
    };
  }
}
