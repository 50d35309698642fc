import { Module } from '@nestjs/common';
import { AdjustmentsController } from './adjustments.controller';
import { AdjustmentsService } from './adjustments.service';

@Module({ controllers: [AdjustmentsController], providers: [AdjustmentsService], exports: [AdjustmentsService] })
export class AdjustmentsModule {}
