import { Module } from '@nestjs/common';
import { OutletsModule } from '../outlets/outlets.module';
import { PublicationModule } from '../publication/publication.module';
import { DemoRecordsService } from './demo-records.service';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OutletsModule, PublicationModule], providers: [DemoSeedService, DemoRecordsService], exports: [DemoSeedService] })
export class SeedModule {}
