import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Office } from './office.entity';

/** The business settings in force for one office: its own where set, else the deployment's. */
export interface EffectiveOfficeSettings {
  monthlyReportDueDay: number;
  quarterDisputeDays: number;
  placementEarlyMarginDays: number;
}

/**
 * Reads an office's business settings (offices.settings) with the deployment's as fallback
 * (MONTHLY_REPORT_DUE_DAY, QUARTER_DISPUTE_DAYS, PLACEMENT_EARLY_MARGIN_DAYS). Not cached: one
 * primary-key read costs less than keeping several API processes' caches in step, and a change
 * made through one process holds in every other at once.
 */
@Injectable()
export class OfficeSettingsReader {
  constructor(
    @InjectRepository(Office) private readonly offices: Repository<Office>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The deployment's settings, which an office without overrides follows. */
  deployment(): EffectiveOfficeSettings {
    const b = this.config.business;
    return { monthlyReportDueDay: b.monthlyReportDueDay, quarterDisputeDays: b.disputeDays, placementEarlyMarginDays: b.placementEarlyMarginDays };
  }

  async forOffice(officeId: number): Promise<EffectiveOfficeSettings> {
    const office = await this.offices.findOne({ where: { id: officeId }, select: { id: true, settings: true } });
    const own = office?.settings ?? {};
    const fallback = this.deployment();
    return {
      monthlyReportDueDay: own.monthlyReportDueDay ?? fallback.monthlyReportDueDay,
      quarterDisputeDays: own.quarterDisputeDays ?? fallback.quarterDisputeDays,
      placementEarlyMarginDays: own.placementEarlyMarginDays ?? fallback.placementEarlyMarginDays,
    };
  }
}

/** Global: monthly reports, reminders, quarters and placements read the settings without importing the offices feature. */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([Office])], providers: [OfficeSettingsReader], exports: [OfficeSettingsReader] })
export class OfficeSettingsModule {}
