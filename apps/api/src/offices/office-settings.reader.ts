import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Clock } from '../common/clock';
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
 * Other processes learn of a change within this long (the reader is per process and settings
 * change a few times a year); the process that made the change forgets at once.
 */
const CACHE_MS = 30_000;

/**
 * Reads an office's business settings (offices.settings) with the deployment's as fallback
 * (MONTHLY_REPORT_DUE_DAY, QUARTER_DISPUTE_DAYS, PLACEMENT_EARLY_MARGIN_DAYS). Saving a
 * placement asks on every request, so the answer is kept briefly per office.
 */
@Injectable()
export class OfficeSettingsReader {
  private readonly cache = new Map<number, { at: number; settings: EffectiveOfficeSettings }>();

  constructor(
    @InjectRepository(Office) private readonly offices: Repository<Office>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The deployment's settings, which an office without overrides follows. */
  deployment(): EffectiveOfficeSettings {
    const b = this.config.business;
    return { monthlyReportDueDay: b.monthlyReportDueDay, quarterDisputeDays: b.disputeDays, placementEarlyMarginDays: b.placementEarlyMarginDays };
  }

  async forOffice(officeId: number): Promise<EffectiveOfficeSettings> {
    const now = this.clock.now().getTime();
    const hit = this.cache.get(officeId);
    if (hit && now - hit.at < CACHE_MS && now >= hit.at) return hit.settings;
    const office = await this.offices.findOne({ where: { id: officeId }, select: { id: true, settings: true } });
    const own = office?.settings ?? {};
    const fallback = this.deployment();
    const settings: EffectiveOfficeSettings = {
      monthlyReportDueDay: own.monthlyReportDueDay ?? fallback.monthlyReportDueDay,
      quarterDisputeDays: own.quarterDisputeDays ?? fallback.quarterDisputeDays,
      placementEarlyMarginDays: own.placementEarlyMarginDays ?? fallback.placementEarlyMarginDays,
    };
    this.cache.set(officeId, { at: now, settings });
    return settings;
  }

  /** After an office's settings changed in this process. */
  forget(officeId: number): void {
    this.cache.delete(officeId);
  }
}

/** Global: monthly reports, reminders, quarters and placements read the settings without importing the offices feature. */
@Global()
@Module({ imports: [TypeOrmModule.forFeature([Office])], providers: [OfficeSettingsReader], exports: [OfficeSettingsReader] })
export class OfficeSettingsModule {}
