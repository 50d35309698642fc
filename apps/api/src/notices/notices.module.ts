import { Module } from '@nestjs/common';
import { SnapshotsModule } from '../publication/snapshots.module';
import { ScoreLedgerModule } from '../score-ledger/score-ledger.module';
import { NoticeDataBuilder } from './notice-data.builder';
import { NoticeModelStore } from './notice-model.store';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';

/** Notices (通报): made from publication's snapshots and the quarter's records as the ledger reads them. */
@Module({
  imports: [SnapshotsModule, ScoreLedgerModule],
  controllers: [NoticesController],
  providers: [NoticesRepository, NoticesService, NoticeDataBuilder, NoticeModelStore],
  exports: [NoticeModelStore, NoticesService],
})
export class NoticesModule {}
