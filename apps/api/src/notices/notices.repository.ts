import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import { NoticeDocument } from './notice-document.entity';
import { NoticeModel } from './notice-model.entity';
import { NoticeRead } from './notice-read.entity';

type StoredFile = { key: string; size: number; sha256: string };

/** Named queries over the notices' own tables (frozen models, rendered documents, reads). */
@Injectable()
export class NoticesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  modelOf(snapshotId: number, tx: EntityManager = this.uow.manager): Promise<NoticeModel | null> {
    return tx.findOne(NoticeModel, { where: { snapshotId } });
  }

  modelOfOrFail(snapshotId: number): Promise<NoticeModel> {
    return this.uow.manager.findOneByOrFail(NoticeModel, { snapshotId });
  }

  /** Stores a snapshot's frozen model; a second insert for the snapshot is ignored (the first stays). */
  async insertModel(tx: EntityManager, officeId: number, snapshotId: number, file: StoredFile): Promise<void> {
    await tx.createQueryBuilder().insert().into(NoticeModel)
      .values({ officeId, snapshotId, fileKey: file.key, size: file.size, sha256: file.sha256 })
      .orIgnore().execute();
  }

  documentsOf(snapshotIds: number[]): Promise<NoticeDocument[]> {
    return snapshotIds.length ? this.uow.manager.find(NoticeDocument, { where: { snapshotId: In(snapshotIds) } }) : Promise.resolve([]);
  }

  document(snapshotId: number, format: NoticeDocument['format']): Promise<NoticeDocument | null> {
    return this.uow.manager.findOneBy(NoticeDocument, { snapshotId, format });
  }

  /** Stores a rendered format; a second insert of the same format is ignored (the first stays). */
  async insertDocument(officeId: number, snapshotId: number, format: NoticeDocument['format'], file: StoredFile): Promise<void> {
    await this.uow.manager.createQueryBuilder().insert().into(NoticeDocument)
      .values({ officeId, snapshotId, format, fileKey: file.key, size: file.size, sha256: file.sha256 })
      .orIgnore().execute();
  }

  readsOfUser(userId: number): Promise<NoticeRead[]> {
    return this.uow.manager.find(NoticeRead, { where: { userId } });
  }

  readsOfSnapshot(snapshotId: number): Promise<NoticeRead[]> {
    return this.uow.manager.find(NoticeRead, { where: { snapshotId } });
  }

  /** The first read counts; later ones change nothing. */
  async markRead(snapshotId: number, userId: number, at: Date): Promise<void> {
    await this.uow.manager.createQueryBuilder().insert().into(NoticeRead).values({ snapshotId, userId, firstReadAt: at }).orIgnore().execute();
  }

  /** Who a notice is for: the office's active leaders, officers and reviewers with their units, by role then username. */
  audience(officeId: number): Promise<User[]> {
    return this.uow.manager.find(User, {
      where: { officeId, active: true, role: In(['leader', 'officer', 'reviewer']) },
      relations: { unit: true },
      order: { role: 'ASC', username: 'ASC' },
    });
  }
}
