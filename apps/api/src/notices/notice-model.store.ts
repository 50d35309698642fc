import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { Clock } from '../common/clock';
import { access } from 'node:fs/promises';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { businessDate } from '@app/scoring';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import type { RankingSnapshot } from '../publication/ranking-snapshot.entity';
import { SnapshotFreezer } from '../publication/snapshot-freezer';
import { UnitOfWork } from '../database/unit-of-work';
import { FileStore, fileMissing } from '../storage/file-store.service';
import { NoticeDataBuilder } from './notice-data.builder';
import { NoticesRepository } from './notices.repository';
import type { NoticeAdoption, NoticeData } from '@app/notice';

/** What every rendering of a published notice reads: its data, and the full 附件2 a chunk at a time. */
export interface FrozenNotice {
  data: NoticeData;
  adoptions: () => AsyncGenerator<NoticeAdoption[]>;
}

/**
 * Freezes what a snapshot's notice says, in the publication's transaction, as one file: the
 * notice data on the first line, then the full adoption list as one JSON array per line (about
 * 500 adoptions each), so rendering the spreadsheet streams it without holding it whole.
 */
@Injectable()
export class NoticeModelStore implements OnModuleInit {
  constructor(
    private readonly repo: NoticesRepository,
    private readonly uow: UnitOfWork,
    private readonly builder: NoticeDataBuilder,
    private readonly files: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly freezer: SnapshotFreezer,
  ) {}

  /** Publication freezes the notice in its transaction through this (it does not import the notices). */
  onModuleInit() {
    this.freezer.use((tx, snapshot) => this.freeze(tx, snapshot));
  }

  /** Builds the notice from the records as `manager` sees them and stores it with the snapshot; a second call keeps the first. */
  async freeze(manager: EntityManager, snapshot: RankingSnapshot): Promise<void> {
    if (await this.repo.modelOf(snapshot.id, manager)) return;
    const asOfDate = businessDate(snapshot.publishedAt ?? this.clock.now(), this.config.business.timeZone);
    const { data, adoptions } = await this.builder.build(snapshot, manager, asOfDate);
    // Written to the file chunk by chunk as the builder makes them from its index: the list is never held as objects.
    const stored = await this.files.putStream('ndjson', async (out) => {
      const line = async (value: unknown) => {
        if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
      };
      await line(data);
      for await (const chunk of adoptions()) await line(chunk);
    });
    await this.repo.insertModel(manager, snapshot.officeId, snapshot.id, stored);
  }

  /**
   * The frozen notice of a snapshot. A snapshot published before notices were frozen gets its
   * model built now, once, from the records as they stand (what rendering did before).
   */
  async load(snapshot: RankingSnapshot): Promise<FrozenNotice> {
    let model = await this.repo.modelOf(snapshot.id);
    if (!model) {
      await this.freeze(this.uow.manager, snapshot);
      model = await this.repo.modelOfOrFail(snapshot.id);
    }
    const key = model.fileKey;
    await access(this.files.pathOf(key)).catch(() => Promise.reject(fileMissing()));
    let data: NoticeData | null = null;
    for await (const line of this.lines(key)) {
      data = JSON.parse(line) as NoticeData;
      break;
    }
    if (!data) throw new Error(`notice model ${key} is empty`);
    const lines = (k: string) => this.lines(k);
    return {
      data,
      adoptions: async function* () {
        let first = true;
        for await (const line of lines(key)) {
          if (first) first = false;
          else if (line) yield JSON.parse(line) as NoticeAdoption[];
        }
      },
    };
  }

  /**
   * The file's lines, read only as fast as they are consumed. (readline's async iterator queues
   * up to 1,024 lines before it pauses the file, and a line here is a chunk of 500 adoptions:
   * at province size it read ~130 MB ahead of the spreadsheet writer.)
   */
  private async *lines(key: string): AsyncGenerator<string> {
    let rest = '';
    for await (const chunk of createReadStream(this.files.pathOf(key), { encoding: 'utf8' }) as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    if (rest) yield rest;
  }
}
