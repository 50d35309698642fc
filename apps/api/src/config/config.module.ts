import { DynamicModule, Global, Module } from '@nestjs/common';
import { setBusinessRange } from '../common/business-range';
import type { AppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Makes the already-validated AppConfig injectable everywhere as APP_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Validators cannot be injected (common/business-range.ts says why): they read the range here.
    setBusinessRange({ minDate: config.business.dateMin, yearsAhead: config.business.yearsAhead, timeZone: config.business.timeZone });
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
