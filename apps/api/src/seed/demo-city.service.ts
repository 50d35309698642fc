import { Inject, Injectable, Logger } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Office } from '../offices/office.entity';
import { OutletsService } from '../outlets/outlets.service';
import { presetVersionRow } from '../schemes/scheme-document';
import { SchemeVersion } from '../schemes/scheme-version.entity';
import { ScoreLedgerService } from '../score-ledger/score-ledger.service';
import { RankingGroup } from '../units/ranking-group.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { DEMO_CITY, DEMO_CITY_ACCOUNTS, DEMO_CITY_GROUP, DEMO_DISTRICT_IN_CITY, DEMO_OTHER_DISTRICTS } from './demo-city';
import { DemoRecordsService } from './demo-records.service';
import { UnitOfWork } from '../database/unit-of-work';

/** Every account the demo city adds: the city's own, then one office account per other district. */
export const DEMO_CITY_LOGINS = [...DEMO_CITY_ACCOUNTS, ...DEMO_OTHER_DISTRICTS.map((d) => d.account)];

/**
 * Puts the freshly seeded demo district under a demo city that ranks it with two small
 * districts, each with a year of records, and scores the city's quarters at once so its
 * ranking shows on the first login. The demo district keeps its id, units and accounts.
 */
@Injectable()
export class DemoCityService {
  private readonly logger = new Logger('DemoCity');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outlets: OutletsService,
    private readonly records: DemoRecordsService,
    private readonly scores: ScoreLedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seed(districtId: number, passwordHash: string): Promise<void> {
    const { cityId, others } = await this.uow.run(async (manager) => {
      const city = await manager.save(Office, manager.create(Office, { ...DEMO_CITY, parentId: null, settings: null }));
      await this.addUsers(manager, city.id, DEMO_CITY_ACCOUNTS, passwordHash);
      await manager.insert(SchemeVersion, presetVersionRow(city.id, 'standard', '2020-Q1'));
      const group = await manager.save(RankingGroup, manager.create(RankingGroup, { ...DEMO_CITY_GROUP, officeId: city.id }));
      const rank = (office: Office, name: string) =>
        manager.save(Unit, manager.create(Unit, { officeId: city.id, code: office.code, name, groupId: group.id, childOfficeId: office.id, contactName: null, contactPhone: null }));
      const district = await manager.findOneByOrFail(Office, { id: districtId });
      await manager.update(Office, { id: districtId }, { parentId: city.id });
      await rank(district, DEMO_DISTRICT_IN_CITY);
      const others: number[] = [];
      for (const d of DEMO_OTHER_DISTRICTS) {
        const office = await manager.save(Office, manager.create(Office, { ...d.office, parentId: city.id, settings: null }));
        await rank(office, d.unitName);
        const districtGroup = await manager.save(RankingGroup, manager.create(RankingGroup, { code: 'ALL', name: '全部单位', sortOrder: 1, officeId: office.id }));
        for (const u of d.units) await manager.save(Unit, manager.create(Unit, { ...u, officeId: office.id, groupId: districtGroup.id, contactName: null, contactPhone: null }));
        await this.addUsers(manager, office.id, [d.account], passwordHash);
        await manager.insert(SchemeVersion, presetVersionRow(office.id, 'standard', '2020-Q1'));
        others.push(office.id);
      }
      return { cityId: city.id, others };
    });
    for (const id of [cityId, ...others]) await this.outlets.installCatalogue(id);
    let articles = 0;
    for (const [i, id] of others.entries()) articles += await this.records.seedUnpublished(id, 4242 + i);
    for (const id of [...others, cityId]) await this.scores.recompute({ officeId: id, reason: 'demo' });
    this.logger.log(`seeded the demo city: ${others.length + 1} districts, ${articles} articles in the two small ones`);
  }

  private async addUsers(manager: EntityManager, officeId: number, accounts: readonly { username: string; displayName: string; role: User['role'] }[], passwordHash: string) {
    for (const a of accounts) {
      await manager.save(User, manager.create(User, {
        username: a.username, displayName: a.displayName, role: a.role, unitId: null, passwordHash, mustChangePassword: !this.config.demo.mode, officeId,
      }));
    }
  }
}
