import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { MonthlyReportsController } from './monthly-reports.controller';
import { MonthlyReportsRepository } from './monthly-reports.repository';
import { MonthlyReportsService } from './monthly-reports.service';

@Module({
  imports: [UnitsModule],
  controllers: [MonthlyReportsController],
  providers: [MonthlyReportsService, MonthlyReportsRepository],
  exports: [MonthlyReportsService],
})
export class MonthlyReportsModule {}
