import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchemesModule } from '../schemes/schemes.module';
import { RankingCache } from './ranking-cache';
import { RecordsLoader } from './records-loader';
import { RollupLoader } from './rollup-loader';
import { SchemePreviewController } from './scheme-preview.controller';
import { ScoreLedgerRepository } from './score-ledger.repository';
import { ScoreLedgerService } from './score-ledger.service';
import { ScoreLine } from './score-line.entity';
import { ScorePreviewService } from './score-preview.service';
import { ScoresController } from './scores.controller';
import { ScoresService } from './scores.service';

/** Score lines: the `scores.recompute` job, rankings, statements and what-if previews. */
@Module({
  imports: [TypeOrmModule.forFeature([ScoreLine]), SchemesModule],
  controllers: [ScoresController, SchemePreviewController],
  providers: [RankingCache, RecordsLoader, RollupLoader, ScoreLedgerRepository, ScoreLedgerService, ScoresService, ScorePreviewService],
  exports: [ScoreLedgerService, ScoresService, RecordsLoader],
})
export class ScoreLedgerModule {}
