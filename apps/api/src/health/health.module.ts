import { Module } from '@nestjs/common';
import { DatabaseProbe } from '../database/database-probe';
import { HealthController } from './health.controller';
import { MetaController } from './meta.controller';

@Module({ controllers: [HealthController, MetaController], providers: [DatabaseProbe] })
export class HealthModule {}
