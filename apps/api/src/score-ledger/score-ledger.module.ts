import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchemesModule } from '../schemes/schemes.module';
import { QuarterRecordsRepository } from './quarter-records.repository';
import { RecordsLoader } from './records-loader';
import { RecordsRepository } from './records.repository';
import { RollupLoader } from './rollup-loader';
import { ScoreLedgerService } from './score-ledger.service';
import { LedgerDirtyRepository } from './ledger-dirty.repository';
import { ScoreLine } from './score-line.entity';
import { ScoreLinesModule } from './score-lines.module';
import { ScorePreviewService } from './score-preview.service';
import { ScoresController } from './scores.controller';
import { ScoresService } from './scores.service';

/** Score lines: the `scores.recompute` job, rankings, statements and what-if previews (served under /schemes by SchemePreviewModule). */
@Module({
  imports: [TypeOrmModule.forFeature([ScoreLine]), ScoreLinesModule, SchemesModule],
  controllers: [ScoresController],
  providers: [LedgerDirtyRepository, QuarterRecordsRepository, RecordsRepository, RecordsLoader, RollupLoader, ScoreLedgerService, ScoresService, ScorePreviewService],
  exports: [ScoreLedgerService, ScoresService, RecordsLoader, RecordsRepository, QuarterRecordsRepository, ScorePreviewService, ScoreLinesModule],
})
export class ScoreLedgerModule {}
