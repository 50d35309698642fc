import { Module } from '@nestjs/common';
import { CommissionAnswersService } from './commission-answers.service';
import { CommissionsController } from './commissions.controller';
import { CommissionsService } from './commissions.service';

/** 约稿: entities are read through the DataSource's manager, so no forFeature repositories are needed. */
@Module({
  controllers: [CommissionsController],
  providers: [CommissionsService, CommissionAnswersService],
  exports: [CommissionsService, CommissionAnswersService],
})
export class CommissionsModule {}
