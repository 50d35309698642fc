import { Module } from '@nestjs/common';
import { OutletsModule } from '../outlets/outlets.module';
import { PublicationModule } from '../publication/publication.module';
import { ScoreLedgerModule } from '../score-ledger/score-ledger.module';
import { DemoCityService } from './demo-city.service';
import { DemoRecordsService } from './demo-records.service';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OutletsModule, PublicationModule, ScoreLedgerModule], providers: [DemoSeedService, DemoRecordsService, DemoCityService], exports: [DemoSeedService] })
export class SeedModule {}
