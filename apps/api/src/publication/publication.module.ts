import { Module } from '@nestjs/common';
import { NoticesModule } from '../notices/notices.module';
import { SchemesModule } from '../schemes/schemes.module';
import { ScoreLedgerModule } from '../score-ledger/score-ledger.module';
import { DisputesService } from './disputes.service';
import { PublishRepository } from './publish.repository';
import { PublishService } from './publish.service';
import { QuarterSchedulerService } from './quarter-scheduler.service';
import { QuartersController } from './quarters.controller';
import { QuartersService } from './quarters.service';
import { RankingsController } from './rankings.controller';
import { YearRankingService } from './year-ranking.service';

@Module({
  imports: [ScoreLedgerModule, SchemesModule, NoticesModule],
  controllers: [QuartersController, RankingsController],
  providers: [QuartersService, DisputesService, PublishRepository, PublishService, QuarterSchedulerService, YearRankingService],
  exports: [QuartersService],
})
export class PublicationModule {}
