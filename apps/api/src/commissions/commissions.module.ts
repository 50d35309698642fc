import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { CommissionAnswersService } from './commission-answers.service';
import { CommissionsController } from './commissions.controller';
import { CommissionsRepository } from './commissions.repository';
import { CommissionsService } from './commissions.service';

/** 约稿. NotificationsService comes from the global NotificationsModule. */
@Module({
  imports: [UnitsModule],
  controllers: [CommissionsController],
  providers: [CommissionsService, CommissionAnswersService, CommissionsRepository],
  exports: [CommissionsService, CommissionAnswersService, CommissionsRepository],
})
export class CommissionsModule {}
