import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { FileStore } from './file-store.service';

describe('FileStore.removeUnreferenced', () => {
  let dataDir: string;
  let sut: FileStore;
  const content = Buffer.from('%PDF-1.7 evidence');

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-files-'));
    sut = new FileStore({ dataDir } as AppConfig);
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const names = () => fs.readdirSync(path.join(dataDir, 'files'));

  it('deletes a file no row refers to', async () => {
    const { key } = await sut.put(content, 'pdf');
    await expect(sut.removeUnreferenced(key, async () => false)).resolves.toBe(true);
    expect(names()).toEqual([]);
  });

  it('keeps a file a row refers to', async () => {
    const { key } = await sut.put(content, 'pdf');
    await expect(sut.removeUnreferenced(key, async () => true)).resolves.toBe(false);
    expect(names()).toEqual([key]);
  });

  it('puts the file back when a row referring to it commits during the delete', async () => {
    const { key } = await sut.put(content, 'pdf');
    const answers = [false, true];
    await expect(sut.removeUnreferenced(key, async () => answers.shift()!)).resolves.toBe(false);
    expect(names()).toEqual([key]);
  });

  it('puts the file back when the second look fails', async () => {
    const { key } = await sut.put(content, 'pdf');
    const answers = [() => false, () => { throw new Error('database gone'); }];
    await expect(sut.removeUnreferenced(key, async () => answers.shift()!())).rejects.toThrow('database gone');
    expect(names()).toEqual([key]);
  });

  it('lets a writer whose row committed after the delete write the file again', async () => {
    const { key } = await sut.put(content, 'pdf');
    await sut.removeUnreferenced(key, async () => false);
    await sut.ensure(key, content);
    await expect(sut.get(key)).resolves.toEqual(content);
  });
});

describe('FileStore.putStream', () => {
  let dataDir: string;
  let sut: FileStore;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pubscore-files-'));
    sut = new FileStore({ dataDir } as AppConfig);
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores what is written, chunk by chunk, under the key put() gives the same content', async () => {
    const parts = Array.from({ length: 2000 }, (_, i) => `第 ${i} 行 adoption line\n`);
    const streamed = await sut.putStream('ndjson', async (out) => {
      for (const p of parts) out.write(p);
    });
    const whole = Buffer.from(parts.join(''));
    expect(streamed).toEqual({ key: expect.stringMatching(/\.ndjson$/), sha256: expect.any(String), size: whole.length });
    expect(await sut.get(streamed.key)).toEqual(whole);
    expect(await sut.put(whole, 'ndjson')).toEqual(streamed);
    expect(fs.readdirSync(path.join(dataDir, 'files'))).toEqual([streamed.key]);
  });

  it('accepts a writer that ends the stream itself, and leaves nothing behind when the writer fails', async () => {
    const ended = await sut.putStream('xlsx', async (out) => {
      out.end('PK zip');
    });
    expect((await sut.get(ended.key)).toString()).toBe('PK zip');
    await expect(sut.putStream('xlsx', async (out) => {
      out.write('half a file');
      throw new Error('render failed');
    })).rejects.toThrow('render failed');
    expect(fs.readdirSync(path.join(dataDir, 'files'))).toEqual([ended.key]);
  });
});
