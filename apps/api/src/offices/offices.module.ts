import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NoticesModule } from '../notices/notices.module';
import { PublicationModule } from '../publication/publication.module';
import { ScoreLedgerModule } from '../score-ledger/score-ledger.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { ChildOfficesService } from './child-offices.service';
import { OfficesController } from './offices.controller';
import { OfficesRepository } from './offices.repository';
import { OfficesService } from './offices.service';
import { ParentRankingService } from './parent-ranking.service';

@Module({
  imports: [AuthModule, NoticesModule, PublicationModule, ScoreLedgerModule, UnitsModule, UsersModule],
  controllers: [OfficesController],
  providers: [OfficesService, ChildOfficesService, ParentRankingService, OfficesRepository],
  exports: [OfficesService],
})
export class OfficesModule {}
