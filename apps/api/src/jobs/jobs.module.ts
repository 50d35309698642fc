import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { BullJobDriver } from './bull-job.driver';
import { BullJobProcessor } from './bull-job.processor';
import { DailySchedules } from './daily-schedules';
import { InlineJobDriver } from './inline-job.driver';
import { JobDriver, JOB_EXECUTOR } from './job-driver';
import { JobRecord } from './job-record.entity';
import { JobRequest } from './job-request.entity';
import { JobRegistry } from './job-registry';
import { QUEUE_NAME } from './job.types';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/**
 * Jobs: Bull on Redis when REDIS_URL is set, the in-process runner otherwise. The processor
 * is only registered in processes whose role runs workers (`worker`, `all`).
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const runsWorkers = config.role !== 'api';
    const common: Provider[] = [JobRegistry, JobsService, DailySchedules, { provide: JOB_EXECUTOR, useExisting: JobsService }];
    if (config.queue.mode === 'bull') {
      const redis = config.queue.redisUrl;
      return {
        module: JobsModule,
        imports: [
          DiscoveryModule,
          TypeOrmModule.forFeature([JobRecord, JobRequest]),
          BullModule.forRoot({
            url: redis,
            prefix: config.queue.prefix,
            // Fail fast while Redis is down instead of queueing commands in memory forever.
            redis: { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2000 },
          }),
          BullModule.registerQueue({
            name: QUEUE_NAME,
            settings: { lockDuration: config.jobs.lockMs, lockRenewTime: Math.floor(config.jobs.lockMs / 2), stalledInterval: config.jobs.lockMs, maxStalledCount: 2 },
          }),
        ],
        controllers: [JobsController],
        providers: [...common, BullJobDriver, { provide: JobDriver, useExisting: BullJobDriver }, ...(runsWorkers ? [BullJobProcessor] : [])],
        exports: [JobsService, DailySchedules, JobDriver, BullJobDriver],
      };
    }
    return {
      module: JobsModule,
      imports: [DiscoveryModule, TypeOrmModule.forFeature([JobRecord, JobRequest])],
      controllers: [JobsController],
      providers: [...common, InlineJobDriver, { provide: JobDriver, useExisting: InlineJobDriver }],
      exports: [JobsService, DailySchedules, JobDriver, InlineJobDriver],
    };
  }
}
