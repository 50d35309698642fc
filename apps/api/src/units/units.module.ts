import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RankingGroup } from './ranking-group.entity';
import { RankingGroupsService } from './ranking-groups.service';
import { Unit } from './unit.entity';
import { RankingGroupsController, UnitsController } from './units.controller';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

@Module({
  imports: [TypeOrmModule.forFeature([Unit, RankingGroup])],
  controllers: [UnitsController, RankingGroupsController],
  providers: [UnitsService, RankingGroupsService, UnitsRepository],
  exports: [UnitsService, UnitsRepository],
})
export class UnitsModule {}
