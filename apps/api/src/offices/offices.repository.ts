import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type DeepPartial, type EntityManager } from 'typeorm';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { SnapshotLine } from '../publication/snapshot-line.entity';
import { SchemeVersion } from '../schemes/scheme-version.entity';
import { Office, type OfficeSettings } from './office.entity';
import { subtreeIds } from './office-tree';

/**
 * Named queries over offices. `tx` joins a caller's transaction (UnitOfWork). The scheme-version
 * insert and the snapshot reads at the end touch the schemes and publication features' tables:
 * they stay here until those features have repositories to ask.
 */
@Injectable()
export class OfficesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private manager(tx?: EntityManager): EntityManager {
    return tx ?? this.dataSource.manager;
  }

  /** `officeId` and every office below it, the office itself first (office-tree.ts). */
  subtreeIds(officeId: number): Promise<number[]> {
    return subtreeIds(this.manager(), officeId);
  }

  findByIds(ids: number[]): Promise<Office[]> {
    return this.manager().getRepository(Office).findBy({ id: In(ids) });
  }

  findById(id: number, tx?: EntityManager): Promise<Office | null> {
    return this.manager(tx).getRepository(Office).findOneBy({ id });
  }

  async updateSettings(id: number, settings: OfficeSettings | null, tx?: EntityManager): Promise<void> {
    await this.manager(tx).getRepository(Office).update({ id }, { settings });
  }

  insert(row: DeepPartial<Office>, tx?: EntityManager): Promise<Office> {
    const manager = this.manager(tx);
    return manager.save(Office, manager.create(Office, row));
  }

  /** Cross-feature write (schemes): a new office's first scheme version. */
  async insertSchemeVersion(row: DeepPartial<SchemeVersion>, tx?: EntityManager): Promise<void> {
    await this.manager(tx).insert(SchemeVersion, row as SchemeVersion);
  }

  /** Cross-feature read (publication): the office's latest published ranking (of `quarter`, when given). */
  latestSnapshot(officeId: number, quarter?: string): Promise<RankingSnapshot | null> {
    return this.manager().getRepository(RankingSnapshot).findOne(
      quarter === undefined
        ? { where: { officeId }, order: { quarter: 'DESC', revision: 'DESC' } }
        : { where: { officeId, quarter }, order: { revision: 'DESC' } },
    );
  }

  /** Cross-feature read (publication): one unit's lines as frozen in a snapshot, in statement order. */
  snapshotLines(snapshotId: number, unitId: number): Promise<SnapshotLine[]> {
    return this.manager().getRepository(SnapshotLine).find({ where: { snapshotId, unitId }, order: { date: 'ASC', id: 'ASC' } });
  }

  /** Cross-feature read (schemes): the scheme version a snapshot was scored by. */
  schemeVersion(id: number): Promise<SchemeVersion | null> {
    return this.manager().getRepository(SchemeVersion).findOneBy({ id });
  }
}
