import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/app-error';
import { QuartersService } from '../publication/quarters.service';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { Unit } from '../units/unit.entity';
import { Office } from './office.entity';

/** An office's own place in the ranking its parent published (a district in its city's 通报). */
@Injectable()
export class ParentRankingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly quarters: QuartersService,
  ) {}

  /**
   * The office's place in the latest ranking its parent published, or null when it has no
   * parent ranking it or the parent has published none yet (the leader's home shows it first).
   */
  async latest(user: AuthUser) {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ childOfficeId: user.officeId });
    if (!unit) return null;
    const latest = await this.dataSource.getRepository(RankingSnapshot).findOne({ where: { officeId: unit.officeId }, order: { quarter: 'DESC', revision: 'DESC' } });
    return latest ? this.position(user, latest.quarter) : null;
  }

  async position(user: AuthUser, quarter: string) {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ childOfficeId: user.officeId });
    const parent = unit ? await this.dataSource.getRepository(Office).findOneBy({ id: unit.officeId }) : null;
    if (!unit || !parent) throw notFound('上级组织部的排名');
    const latest = await this.dataSource.getRepository(RankingSnapshot).findOne({ where: { officeId: parent.id, quarter }, order: { revision: 'DESC' } });
    if (!latest) throw notFound(`上级组织部${quarter}的通报`);
    const reader: AuthUser = { id: user.id, username: user.username, displayName: user.displayName, role: 'leader', officeId: parent.id, unitId: null };
    const snapshot = await this.quarters.snapshot(reader, quarter, latest.revision);
    const own = snapshot.units.find((u) => u.unitId === unit.id);
    if (!own) throw notFound(`本单位在上级组织部${quarter}排名中的位置`);
    const group = snapshot.units.filter((u) => u.groupName === own.groupName);
    return {
      parent: { id: parent.id, name: parent.name, regionName: parent.regionName },
      quarter,
      revision: snapshot.revision,
      publishedAt: snapshot.publishedAt,
      unit: own,
      groupSize: group.length,
      overallSize: snapshot.units.length,
    };
  }
}
