import { Module } from '@nestjs/common';
import { EvidenceFilesModule } from '../evidence/evidence-files.module';
import { InstructionsController } from './instructions.controller';
import { InstructionsRepository } from './instructions.repository';
import { InstructionsService } from './instructions.service';

@Module({
  imports: [EvidenceFilesModule],
  controllers: [InstructionsController],
  providers: [InstructionsService, InstructionsRepository],
  exports: [InstructionsService, InstructionsRepository],
})
export class InstructionsModule {}
