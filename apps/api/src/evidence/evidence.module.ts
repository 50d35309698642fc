import { Module } from '@nestjs/common';
import { UploadsModule } from '../common/upload-limits';
import { InstructionsModule } from '../instructions/instructions.module';
import { ItemsModule } from '../items/items.module';
import { PlacementsModule } from '../placements/placements.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceFilesModule } from './evidence-files.module';
import { EvidenceService } from './evidence.service';

@Module({
  imports: [EvidenceFilesModule, PlacementsModule, InstructionsModule, ItemsModule, UploadsModule],
  controllers: [EvidenceController],
  providers: [EvidenceService],
})
export class EvidenceModule {}
