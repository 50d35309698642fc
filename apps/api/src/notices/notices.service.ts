import type { NoticeResponse } from '@app/contracts';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { conflict, notFound } from '../common/app-error';
import { JobsService } from '../jobs/jobs.service';
import type { JobPayloads } from '../jobs/job.types';
import { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { FileStore } from '../storage/file-store.service';
import { User } from '../users/user.entity';
import { NoticeModelStore } from './notice-model.store';
import { NoticeDocument } from './notice-document.entity';
import { NoticeRead } from './notice-read.entity';
import type { NoticeData } from './render/notice-data';
import { renderNoticeDocx } from './render/notice-docx';
import { renderNoticeXlsx, type AdoptionChunks } from './render/notice-xlsx';
import { Clock } from '../common/clock';

export type NoticeFormat = NoticeDocument['format'];

/**
 * The stored formats. The JSON (the web view) and the DOCX are made from the bounded notice
 * data; the XLSX's 附件2 is the full adoption list, streamed from the frozen model while it is written.
 */
const FORMATS: { format: NoticeFormat; render: (data: NoticeData, adoptions: () => AdoptionChunks) => Promise<Buffer> }[] = [
  { format: 'json', render: async (data) => Buffer.from(JSON.stringify(data)) },
  { format: 'docx', render: (data) => renderNoticeDocx(data) },
  { format: 'xlsx', render: (data, adoptions) => renderNoticeXlsx(data, adoptions()) },
];

/** Notices (通报): rendered once per snapshot, read by units and leaders; the office sees who read them. */
@Injectable()
export class NoticesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly models: NoticeModelStore,
    private readonly files: FileStore,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.jobs.register('notices.render', (payload) => this.render(payload));
  }

  /** Idempotent: a format already rendered for the snapshot is kept as it is. */
  async render(payload: JobPayloads['notices.render']): Promise<{ rendered: NoticeFormat[] }> {
    const snapshot = await this.dataSource.getRepository(RankingSnapshot).findOneByOrFail({ id: payload.snapshotId });
    const existing = new Set((await this.dataSource.getRepository(NoticeDocument).find({ where: { snapshotId: snapshot.id } })).map((d) => d.format));
    const missing = FORMATS.filter((f) => !existing.has(f.format));
    if (missing.length === 0) return { rendered: [] };
    // From the notice frozen at publication only: a retried render after a later edit says the same.
    const { data, adoptions } = await this.models.load(snapshot);
    for (const { format, render } of missing) {
      const stored = await this.files.put(await render(data, adoptions), format);
      await this.dataSource.createQueryBuilder().insert().into(NoticeDocument)
        .values({ officeId: snapshot.officeId, snapshotId: snapshot.id, format, fileKey: stored.key, size: stored.size, sha256: stored.sha256 })
        .orIgnore().execute();
    }
    return { rendered: missing.map((f) => f.format) };
  }

  async list(user: AuthUser) {
    const snapshots = await this.dataSource.getRepository(RankingSnapshot).find({ where: { officeId: user.officeId }, order: { quarter: 'DESC', revision: 'DESC' } });
    const reads = new Set((await this.dataSource.getRepository(NoticeRead).find({ where: { userId: user.id } })).map((r) => r.snapshotId));
    const docs = snapshots.length ? await this.dataSource.getRepository(NoticeDocument).find({ where: { snapshotId: In(snapshots.map((s) => s.id)) } }) : [];
    return snapshots.map((s) => ({
      id: s.id,
      quarter: s.quarter,
      revision: s.revision,
      kind: s.revision > 1 ? ('correction' as const) : ('notice' as const),
      publishedAt: s.publishedAt.toISOString(),
      contentHash: s.contentHash,
      formats: docs.filter((d) => d.snapshotId === s.id).map((d) => d.format),
      read: reads.has(s.id),
    }) satisfies NoticeResponse);
  }

  /** The notice as data for the web page (the same data the DOCX was made from); marks it read. */
  async view(user: AuthUser, id: number): Promise<{ snapshotId: number; ready: boolean; data: NoticeData | null }> {
    const snapshot = await this.snapshot(user, id);
    const doc = await this.dataSource.getRepository(NoticeDocument).findOneBy({ snapshotId: snapshot.id, format: 'json' });
    await this.markRead(user, snapshot.id);
    if (!doc) return { snapshotId: snapshot.id, ready: false, data: null };
    return { snapshotId: snapshot.id, ready: true, data: JSON.parse((await this.files.get(doc.fileKey)).toString('utf8')) as NoticeData };
  }

  async download(user: AuthUser, id: number, format: 'docx' | 'xlsx'): Promise<{ content: Buffer; fileName: string }> {
    const snapshot = await this.snapshot(user, id);
    const doc = await this.dataSource.getRepository(NoticeDocument).findOneBy({ snapshotId: snapshot.id, format });
    if (!doc) throw conflict('not_rendered', '通报文件正在生成，请稍后再试');
    await this.markRead(user, snapshot.id);
    await this.audit.record(user, 'export', 'notice', snapshot.id, null, { quarter: snapshot.quarter, revision: snapshot.revision, format });
    const label = `${snapshot.quarter.slice(0, 4)}年第${snapshot.quarter.slice(6)}季度`;
    const kind = snapshot.revision > 1 ? `通报更正（第${snapshot.revision}版）` : '信息宣传情况通报';
    return { content: await this.files.get(doc.fileKey), fileName: `${label}${kind}.${format}` };
  }

  /** Who has opened the notice, and which units' users and leaders have not. */
  async readers(user: AuthUser, id: number) {
    const snapshot = await this.snapshot(user, id);
    const reads = await this.dataSource.getRepository(NoticeRead).find({ where: { snapshotId: snapshot.id } });
    const users = await this.dataSource.getRepository(User).find({
      where: { officeId: user.officeId, active: true, role: In(['leader', 'officer', 'reviewer']) },
      relations: { unit: true },
      order: { role: 'ASC', username: 'ASC' },
    });
    const readAt = new Map(reads.map((r) => [r.userId, r.firstReadAt.toISOString()]));
    const rows = users.map((u) => ({ userId: u.id, displayName: u.displayName, role: u.role, unitName: u.unit?.name ?? null, readAt: readAt.get(u.id) ?? null }));
    return { snapshotId: snapshot.id, read: rows.filter((r) => r.readAt).length, total: rows.length, users: rows };
  }

  private async snapshot(user: AuthUser, id: number): Promise<RankingSnapshot> {
    const snapshot = await this.dataSource.getRepository(RankingSnapshot).findOneBy({ id, officeId: user.officeId });
    if (!snapshot) throw notFound('通报');
    return snapshot;
  }

  private async markRead(user: AuthUser, snapshotId: number) {
    if (user.role === 'office' || user.role === 'admin') return;
    await this.dataSource.createQueryBuilder().insert().into(NoticeRead).values({ snapshotId, userId: user.id, firstReadAt: this.clock.now() }).orIgnore().execute();
  }
}

