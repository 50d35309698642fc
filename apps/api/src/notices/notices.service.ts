import type { NoticeResponse } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { conflict, notFound } from '../common/app-error';
import { JobHandler } from '../jobs/job-handler.decorator';
import type { JobPayloads } from '../jobs/job.types';
import type { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { SnapshotsRepository } from '../publication/snapshots.repository';
import { FileStore } from '../storage/file-store.service';
import { NoticeModelStore } from './notice-model.store';
import { NoticeDocument } from './notice-document.entity';
import { NoticesRepository } from './notices.repository';
import type { NoticeData } from '@app/notice';
import { writeNoticeDocx } from './render/notice-docx';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { writeNoticeXlsx, type AdoptionChunks } from './render/notice-xlsx';
import { Clock } from '../common/clock';

export type NoticeFormat = NoticeDocument['format'];

/**
 * The stored formats. The JSON (the web view) and the DOCX are made from the bounded notice
 * data; the XLSX's 附件2 is the full adoption list, streamed from the frozen model while it is written.
 */
const FORMATS: { format: NoticeFormat; write: (out: Writable, data: NoticeData, adoptions: () => AdoptionChunks) => Promise<void> }[] = [
  { format: 'json', write: (out, data) => writeAll(out, Buffer.from(JSON.stringify(data))) },
  { format: 'docx', write: (out, data) => writeNoticeDocx(out, data) },
  // Streamed to the file as it is written: the adoption sheet is never held whole.
  { format: 'xlsx', write: (out, data, adoptions) => writeNoticeXlsx(out, data, adoptions()) },
];

async function writeAll(out: Writable, content: Buffer): Promise<void> {
  if (!out.write(content)) await once(out, 'drain');
}

/** Notices (通报): rendered once per snapshot, read by units and leaders; the office sees who read them. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly models: NoticeModelStore,
    private readonly files: FileStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: a format already rendered for the snapshot is kept as it is. */
  @JobHandler('notices.render')
  async render(payload: JobPayloads['notices.render']): Promise<{ rendered: NoticeFormat[] }> {
    const snapshot = await this.snapshots.byIdOrFail(payload.snapshotId);
    const existing = new Set((await this.repo.documentsOf([snapshot.id])).map((d) => d.format));
    const missing = FORMATS.filter((f) => !existing.has(f.format));
    if (missing.length === 0) return { rendered: [] };
    // From the notice frozen at publication only: a retried render after a later edit says the same.
    const { data, adoptions } = await this.models.load(snapshot);
    for (const { format, write } of missing) {
      const stored = await this.files.putStream(format, (out) => write(out, data, adoptions));
      await this.repo.insertDocument(snapshot.officeId, snapshot.id, format, stored);
    }
    return { rendered: missing.map((f) => f.format) };
  }

  async list(user: AuthUser) {
    const snapshots = await this.snapshots.allOfOffice(user.officeId);
    const reads = new Set((await this.repo.readsOfUser(user.id)).map((r) => r.snapshotId));
    const docs = await this.repo.documentsOf(snapshots.map((s) => s.id));
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
    const doc = await this.repo.document(snapshot.id, 'json');
    await this.markRead(user, snapshot.id);
    if (!doc) return { snapshotId: snapshot.id, ready: false, data: null };
    return { snapshotId: snapshot.id, ready: true, data: JSON.parse((await this.files.get(doc.fileKey)).toString('utf8')) as NoticeData };
  }

  async download(user: AuthUser, id: number, format: 'docx' | 'xlsx'): Promise<{ content: Buffer; fileName: string }> {
    const snapshot = await this.snapshot(user, id);
    const doc = await this.repo.document(snapshot.id, format);
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
    const reads = await this.repo.readsOfSnapshot(snapshot.id);
    const users = await this.repo.audience(user.officeId);
    const readAt = new Map(reads.map((r) => [r.userId, r.firstReadAt.toISOString()]));
    const rows = users.map((u) => ({ userId: u.id, displayName: u.displayName, role: u.role, unitName: u.unit?.name ?? null, readAt: readAt.get(u.id) ?? null }));
    return { snapshotId: snapshot.id, read: rows.filter((r) => r.readAt).length, total: rows.length, users: rows };
  }

  private async snapshot(user: AuthUser, id: number): Promise<RankingSnapshot> {
    const snapshot = await this.snapshots.ofOffice(user.officeId, id);
    if (!snapshot) throw notFound('通报');
    return snapshot;
  }

  private async markRead(user: AuthUser, snapshotId: number) {
    if (user.role === 'office' || user.role === 'admin') return;
    await this.repo.markRead(snapshotId, user.id, this.clock.now());
  }
}

