import type { DataSource } from 'typeorm';
import type { Role } from '@app/contracts';
import { Office } from '../../apps/api/src/offices/office.entity';
import { RankingGroup } from '../../apps/api/src/units/ranking-group.entity';
import { Unit } from '../../apps/api/src/units/unit.entity';
import { hashPassword } from '../../apps/api/src/users/password';
import { User } from '../../apps/api/src/users/user.entity';
import { DEMO_PASSWORD, TEST_HASH_COST } from '../utils/app';
import { nextSeq } from './sequence';

/** An office of its own, so a suite's units and rankings are not mixed with the demo district's. */
export class OfficeFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { code?: string; name?: string; regionName?: string } = {}): Promise<Office> {
    const n = nextSeq();
    return this.ds.getRepository(Office).save({ code: o.code ?? `T${n}`, name: o.name ?? `测试区委组织部办公室 ${n}`, regionName: o.regionName ?? '测试区' });
  }
}

export class RankingGroupFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { officeId: number; code?: string; name?: string; sortOrder?: number }): Promise<RankingGroup> {
    const n = nextSeq();
    return this.ds.getRepository(RankingGroup).save({ officeId: o.officeId, code: o.code ?? `G${n}`, name: o.name ?? `分组${n}`, sortOrder: o.sortOrder ?? n, active: true });
  }
}

export class UnitFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { officeId: number; groupId: number; code?: string; name?: string; active?: boolean }): Promise<Unit> {
    const n = nextSeq();
    return this.ds.getRepository(Unit).save({
      officeId: o.officeId,
      groupId: o.groupId,
      code: (o.code ?? `U${n}`).toUpperCase(),
      name: o.name ?? `单位${n}`,
      active: o.active ?? true,
      contactName: null,
      contactPhone: null,
    });
  }
}

/** An account that can log in at once (no forced password change); password defaults to the demo one. */
export class UserFactory {
  constructor(private readonly ds: DataSource) {}

  async create(o: { officeId: number; role: Role; username?: string; unitId?: number | null; password?: string }): Promise<User> {
    const n = nextSeq();
    return this.ds.getRepository(User).save({
      officeId: o.officeId,
      username: (o.username ?? `user${n}`).toLowerCase(),
      displayName: o.username ?? `测试用户${n}`,
      role: o.role,
      unitId: o.unitId ?? null,
      passwordHash: await hashPassword(o.password ?? DEMO_PASSWORD, TEST_HASH_COST),
      mustChangePassword: false,
      active: true,
      passwordChangedAt: null,
      tokenVersion: 0,
      lastLoginAt: null,
    });
  }
}
