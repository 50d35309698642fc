import { Module } from '@nestjs/common';
import { OutletsModule } from '../outlets/outlets.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OutletsModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class SeedModule {}
