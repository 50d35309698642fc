import { createWriteStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

  /**
   * Stores what `write` writes to the stream it is given, straight to disk: the content is
   * hashed on its way, so a file as large as a province's adoption list is never held in
   * memory. `write` may end the stream itself (a zip writer does); the file is renamed to its
   * key once it is complete, and removed if `write` fails.
   */
  async putStream(extension: string, write: (out: Writable) => Promise<void>): Promise<{ key: string; sha256: string; size: number }> {
    await fs.mkdir(this.dir, { recursive: true });
    const tmp = path.join(this.dir, `stream.${process.pid}.${randomUUID()}.tmp`);
    const hash = createHash('sha256');
    let size = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    const written = pipeline(tee, createWriteStream(tmp));
    try {
      await write(tee);
      if (!tee.writableEnded) tee.end();
      await written;
    } catch (error) {
      tee.destroy();
      await written.catch(() => undefined);
      await fs.rm(tmp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const key = `${sha256}.${extension.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
    await fs.rename(tmp, this.pathOf(key));
    return { key, sha256, size };
  }

  /**
   * Puts the content back if its file is gone: called by a writer after its row committed, in
   * case a delete of the same content (removeUnreferenced) ran between its put and its commit.
   */
  async ensure(key: string, content: Buffer): Promise<void> {
    try {
      await fs.access(this.pathOf(key));
    } catch {
      await this.put(content, key.slice(key.lastIndexOf('.') + 1));
    }
  }

  /**
   * Deletes the file of `key` unless `isReferenced` finds a row that still needs it; call it
   * after the deleting transaction committed. The file is moved aside before a second look, so
   * a row of the same content committing meanwhile is seen (and the file moved back), or comes
   * after the move, and then its writer's ensure() finds the file gone and writes it again.
   */
  async removeUnreferenced(key: string, isReferenced: () => Promise<boolean>): Promise<boolean> {
    if (await isReferenced()) return false;
    const file = this.pathOf(key);
    const aside = `${file}.${process.pid}.${randomUUID()}.deleting`;
    try {
      await fs.rename(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    let referenced = true;
    try {
      referenced = await isReferenced();
    } finally {
      // Put back when a row needs it, and when the answer could not be had (never lose a file).
      if (referenced) await fs.rename(aside, file);
    }
    if (referenced) return false;
    await fs.rm(aside, { force: true });
    return true;
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
