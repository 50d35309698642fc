import { Module } from '@nestjs/common';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { OutletsModule } from '../outlets/outlets.module';
import { PlacementsController } from './placements.controller';
import { PlacementsRepository } from './placements.repository';
import { PlacementsService } from './placements.service';

@Module({
  imports: [EvidenceFilesModule, OutletsModule],
  controllers: [PlacementsController],
  providers: [PlacementsService, PlacementsRepository],
  exports: [PlacementsService, PlacementsRepository],
})
export class PlacementsModule {}
