import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { Office } from '../offices/office.entity';
import { OutletsService } from '../outlets/outlets.service';
import { presetVersionRow } from '../schemes/scheme-document';
import { SchemeVersion } from '../schemes/scheme-version.entity';
import { RankingGroup } from '../units/ranking-group.entity';
import { Unit } from '../units/unit.entity';
import { hashPassword } from '../users/password';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_DUTY_ACCOUNTS, DEMO_GROUPS, DEMO_OFFICE, DEMO_UNITS } from './demo-district';
import { DemoCityService, DEMO_CITY_LOGINS } from './demo-city.service';
import { DemoRecordsService } from './demo-records.service';
import { UnitOfWork } from '../database/unit-of-work';

export interface SeedResult {
  seeded: boolean;
  accounts: { username: string; role: string; displayName: string }[];
}

/** Seeds the demo district into an empty database, in one transaction. */
/** Made-up contact names for the demo units (the phones are made up as well). */
const DEMO_CONTACTS = ['刘洋', '陈静', '王芳', '李强', '张敏', '赵磊', '孙丽', '周杰', '吴婷', '郑浩'];

@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outlets: OutletsService,
    private readonly records: DemoRecordsService,
    private readonly city: DemoCityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedIfEmpty(): Promise<SeedResult> {
    const demoAccounts = [...DEMO_ACCOUNTS, ...(this.config.separationOfDuties ? DEMO_DUTY_ACCOUNTS : [])];
    // With the demo records, the demo district is ranked in a demo city (its logins as well).
    const accounts = [...demoAccounts, ...(this.config.demo.records ? DEMO_CITY_LOGINS : [])].map(({ username, role, displayName }) => ({ username, role, displayName }));
    if ((await this.uow.manager.getRepository(Office).count()) > 0) return { seeded: false, accounts };
    const passwordHash = await hashPassword(this.config.demo.password, this.config.passwords.hashCost);
    const officeId = await this.uow.run(async (manager) => {
      const office = await manager.save(Office, manager.create(Office, DEMO_OFFICE));
      const groups = new Map<string, number>();
      for (const g of DEMO_GROUPS) groups.set(g.code, (await manager.save(RankingGroup, manager.create(RankingGroup, { ...g, officeId: office.id }))).id);
      const units = new Map<string, number>();
      for (const [i, u] of DEMO_UNITS.entries()) {
        // every demo unit but the last has a contact person, so the pages show both cases
        const contact = i < DEMO_UNITS.length - 1 ? { contactName: DEMO_CONTACTS[i % DEMO_CONTACTS.length], contactPhone: `1380571${String(1001 + i).padStart(4, '0')}` } : { contactName: null, contactPhone: null };
        const saved = await manager.save(Unit, manager.create(Unit, { code: u.code, name: u.name, groupId: groups.get(u.group)!, officeId: office.id, ...contact }));
        units.set(u.code, saved.id);
      }
      for (const a of demoAccounts) {
        await manager.save(User, manager.create(User, {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          unitId: a.unit ? units.get(a.unit)! : null,
          passwordHash,
          // Outside demo mode the printed password is only good for the first login.
          mustChangePassword: !this.config.demo.mode,
          officeId: office.id,
        }));
      }
      // The standard preset in force from long before any demo record; scoring starts at the first record.
      await manager.insert(SchemeVersion, presetVersionRow(office.id, 'standard', '2020-Q1'));
      return office.id;
    });
    const outlets = await this.outlets.installCatalogue(officeId);
    this.logger.log(`seeded the demo district: ${DEMO_UNITS.length} units, ${outlets} outlets, ${demoAccounts.length} accounts`);
    if (this.config.demo.records) {
      await this.records.seed(officeId);
      await this.city.seed(officeId, passwordHash);
    }
    return { seeded: true, accounts };
  }
}
