import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ScoreLedgerModule } from '../score-ledger/score-ledger.module';
import { DisputesService } from './disputes.service';
import { PublishRepository } from './publish.repository';
import { PublishService } from './publish.service';
import { QuarterSchedulerService } from './quarter-scheduler.service';
import { QuartersController } from './quarters.controller';
import { QuartersRepository } from './quarters.repository';
import { QuartersService } from './quarters.service';
import { RankingsController } from './rankings.controller';
import { SnapshotsModule } from './snapshots.module';
import { YearRankingService } from './year-ranking.service';

/** Quarters (review, close, publish), disputes and published rankings; the notices plug in through SnapshotsModule. */
@Module({
  imports: [ScoreLedgerModule, SchemesModule, SnapshotsModule, ArticlesModule],
  controllers: [QuartersController, RankingsController],
  providers: [QuartersRepository, QuartersService, DisputesService, PublishRepository, PublishService, QuarterSchedulerService, YearRankingService],
  exports: [QuartersService],
})
export class PublicationModule {}
