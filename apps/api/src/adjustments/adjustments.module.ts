import { Module } from '@nestjs/common';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { AdjustmentsController } from './adjustments.controller';
import { AdjustmentsRepository } from './adjustments.repository';
import { AdjustmentsService } from './adjustments.service';

@Module({
  imports: [EvidenceFilesModule, UnitsModule, UsersModule],
  controllers: [AdjustmentsController],
  providers: [AdjustmentsService, AdjustmentsRepository],
  exports: [AdjustmentsService],
})
export class AdjustmentsModule {}
