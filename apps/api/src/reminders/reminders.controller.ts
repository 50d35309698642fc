import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Auth, type AuthUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { IsBusinessMonth } from '../common/business-date';
import { RemindersService } from './reminders.service';
import { ApiAnswer } from '../common/openapi';

export class UrgeMonthlyDto {
  /** The report month (YYYY-MM); default the one due this month (last month's). */
  @IsOptional() @IsBusinessMonth()
  month?: string;
}

@ApiTags('reminders 提醒')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly service: RemindersService) {}

  /** 一键催报: reminds every unit still missing the month's report, now (delivered by a job). */
  @Roles('office') @Post('monthly-reports') @HttpCode(202)
  @ApiAnswer('UrgeResult')
  urge(@Auth() user: AuthUser, @Body() dto: UrgeMonthlyDto) {
    return this.service.urge(user, dto.month);
  }
}
