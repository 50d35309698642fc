import { Module } from '@nestjs/common';
import { MonthlyReportsController } from './monthly-reports.controller';
import { MonthlyReportsService } from './monthly-reports.service';

@Module({
  controllers: [MonthlyReportsController],
  providers: [MonthlyReportsService],
  exports: [MonthlyReportsService],
})
export class MonthlyReportsModule {}
