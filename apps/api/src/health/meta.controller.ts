import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MetaResponse } from '@app/contracts';
import { Public } from '../auth/roles.decorator';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { ApiAnswer } from '../common/openapi';

@ApiTags('health 健康检查')
@Controller('meta')
export class MetaController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Public: the web app reads the business zone before the login page, so its dates match the server's. */
  @Public()
  @Get()
  @ApiAnswer('MetaResponse')
  meta(): MetaResponse {
    return { businessTimeZone: this.config.business.timeZone, version: '0.1.0' };
  }
}
