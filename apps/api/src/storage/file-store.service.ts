import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';

export const fileMissing = () =>
  new AppError(HttpStatus.GONE, 'file_missing', '文件已不存在（可能被删除或未随备份恢复），请联系管理员');

/**
 * Content-addressed files under DATA_DIR/files (a shared volume in distributed mode): the
 * key is the SHA-256 of the content, so the same upload stored twice is one file.
 */
@Injectable()
export class FileStore {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get dir() {
    return path.join(this.config.dataDir, 'files');
  }

  async put(content: Buffer, extension: string): Promise<{ key: string; sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const key = `${sha256}.${extension.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.pathOf(key);
    // Write then rename so a reader never sees half a file. The temporary name is unique per
    // write: two uploads of the same content at once must not rename each other's file away.
    const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, content);
    await fs.rename(tmp, file);
    return { key, sha256, size: content.length };
  }

  /** The stored content; a file that is gone (deleted by hand, not restored) is a 410 `file_missing`. */
  async get(key: string): Promise<Buffer> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw fileMissing();
      throw error;
    }
  }

  pathOf(key: string): string {
    if (!/^[a-f0-9]{64}\.[a-z0-9]{1,8}$/.test(key)) throw new Error(`invalid file key ${key}`);
    return path.join(this.dir, key);
  }
}
