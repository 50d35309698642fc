import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/app-error';
import type { ParentStatementResponse } from '@app/contracts/offices';
import { QuartersService } from '../publication/quarters.service';
import { ScoresService } from '../score-ledger/scores.service';
import { UnitsRepository } from '../units/units.repository';
import { OfficesRepository } from './offices.repository';

/** An office's own place in the ranking its parent published (a district in its city's 通报). */
@Injectable()
export class ParentRankingService {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly units: UnitsRepository,
    private readonly quarters: QuartersService,
    private readonly scores: ScoresService,
  ) {}

  /**
   * The office's place in the latest ranking its parent published, or null when it has no
   * parent ranking it or the parent has published none yet (the leader's home shows it first).
   */
  async latest(user: AuthUser) {
    const unit = await this.units.findByChildOffice(user.officeId);
    if (!unit) return null;
    const latest = await this.offices.latestSnapshot(unit.officeId);
    return latest ? this.position(user, latest.quarter) : null;
  }

  async position(user: AuthUser, quarter: string) {
    const unit = await this.units.findByChildOffice(user.officeId);
    const parent = unit ? await this.offices.findById(unit.officeId) : null;
    if (!unit || !parent) throw notFound('上级组织部的排名');
    const latest = await this.offices.latestSnapshot(parent.id, quarter);
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

  /** The statement behind the latest ranking the parent published (404 when there is none). */
  async latestStatement(user: AuthUser): Promise<ParentStatementResponse> {
    const unit = await this.units.findByChildOffice(user.officeId);
    const latest = unit ? await this.offices.latestSnapshot(unit.officeId) : null;
    if (!latest) throw notFound('上级组织部的排名');
    return this.statement(user, latest.quarter);
  }

  /**
   * The office's lines in the ranking its parent published for `quarter` (latest revision), as
   * frozen there: rule, explanation and amount of each, summing to its total in that ranking.
   * Only the office's own unit: the caller names no office, so another's cannot be asked for.
   */
  async statement(user: AuthUser, quarter: string): Promise<ParentStatementResponse> {
    const position = await this.position(user, quarter);
    const snapshot = (await this.offices.latestSnapshot(position.parent.id, quarter))!;
    const version = await this.offices.schemeVersion(snapshot.schemeVersionId);
    if (!version) throw notFound('上级组织部的计分办法');
    const lines = await this.offices.snapshotLines(snapshot.id, position.unit.unitId);
    const unit = { id: position.unit.unitId, code: position.unit.unitCode, name: position.unit.unitName };
    // Roll-up lines name the office's own records; lines the parent recorded itself name the parent's.
    const statement = await this.scores.toStatement([user.officeId, position.parent.id], quarter, unit, version, lines);
    return { parent: position.parent, quarter, revision: position.revision, publishedAt: new Date(position.publishedAt).toISOString(), overallRank: position.unit.overallRank, groupRank: position.unit.groupRank, total: position.unit.total, statement };
  }
}
