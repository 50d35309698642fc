import { once } from 'node:events';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, inflateRawSync } from 'node:zlib';
import * as yauzl from 'yauzl';

/**
 * An Office file (DOCX, XLSX) written as a stream: the parts a library packed are copied over
 * as they are (still compressed), and one part (word/document.xml, a worksheet) is replaced by
 * text produced piece by piece and deflated on the way to `out`, so the file's size never
 * sits in memory. A plain
 * zip (no zip64: a notice is megabytes), the layout Word, WPS and LibreOffice read: local
 * headers, the streamed part's sizes in a data descriptor after its data, the central directory.
 */

interface CentralEntry {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const UTF8_NAME = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const DEFLATE = 8;
const MAX_32 = 0xffffffff;
/** Pieces of the streamed part are gathered into chunks about this long before deflating. */
const CHUNK_CHARS = 32 * 1024;

/** A part's text, in pieces of any size. */
export type Pieces = Iterable<string> | AsyncIterable<string>;

class ZipWriter {
  private offset = 0;
  private readonly entries: CentralEntry[] = [];

  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  private header(e: CentralEntry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    // with a data descriptor the sizes and checksum follow the data and are zero here
    entryFields(h, 4, e, !(e.flags & DATA_DESCRIPTOR));
    return Buffer.concat([h, e.name]);
  }

  /** A part already compressed (or stored), with its checksum and sizes. */
  async addRaw(entry: Omit<CentralEntry, 'offset' | 'name' | 'flags'> & { name: string }, data: Buffer): Promise<void> {
    const e: CentralEntry = { ...entry, name: Buffer.from(entry.name), flags: nameFlags(entry.name), offset: this.offset };
    await this.write(this.header(e));
    await this.write(data);
    this.entries.push(e);
  }

  /** A part deflated as its text arrives, its sizes and checksum in a data descriptor. */
  async addText(name: string, pieces: Pieces, stamp: { time: number; date: number }): Promise<void> {
    const e: CentralEntry = { name: Buffer.from(name), flags: nameFlags(name) | DATA_DESCRIPTOR, method: DEFLATE, ...stamp, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
    await this.write(this.header(e));
    async function* chunks(): AsyncGenerator<Buffer> {
      let pending = '';
      for await (const piece of pieces) {
        pending += piece;
        if (pending.length >= CHUNK_CHARS) {
          yield count(Buffer.from(pending, 'utf8'));
          pending = '';
        }
      }
      if (pending) yield count(Buffer.from(pending, 'utf8'));
    }
    const count = (chunk: Buffer) => {
      e.crc = crc32(chunk, e.crc);
      e.size += chunk.length;
      return chunk;
    };
    await pipeline(Readable.from(chunks(), { objectMode: false }), createDeflateRaw(), async (deflated: AsyncIterable<Buffer>) => {
      for await (const chunk of deflated) {
        e.compressedSize += chunk.length;
        await this.write(chunk);
      }
    });
    if (e.size > MAX_32 || e.compressedSize > MAX_32) throw new Error(`${name} is too large for a zip without zip64`);
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    d.writeUInt32LE(e.compressedSize, 8);
    d.writeUInt32LE(e.size, 12);
    await this.write(d);
    this.entries.push(e);
  }

  /** The central directory and its end record. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4); // version made by
      entryFields(c, 6, e, true);
      c.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([c, e.name]));
    }
    if (this.offset > MAX_32) throw new Error('the document is too large for a zip without zip64');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}

/**
 * The fields a local header and its central directory record share, from "version needed"
 * to the name's length (the extra field's length after it stays 0).
 */
function entryFields(b: Buffer, at: number, e: CentralEntry, sizes: boolean): void {
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(e.flags, at + 2);
  b.writeUInt16LE(e.method, at + 4);
  b.writeUInt16LE(e.time, at + 6);
  b.writeUInt16LE(e.date, at + 8);
  b.writeUInt32LE(sizes ? e.crc : 0, at + 10);
  b.writeUInt32LE(sizes ? e.compressedSize : 0, at + 14);
  b.writeUInt32LE(sizes ? e.size : 0, at + 18);
  b.writeUInt16LE(e.name.length, at + 22);
}

// eslint-disable-next-line no-control-regex
const nameFlags = (name: string) => (/^[\x00-\x7f]*$/.test(name) ? 0 : UTF8_NAME);

/** A package, entry by entry: its metadata and its bytes as stored (compressed). */
async function storedEntries(zip: Buffer): Promise<{ entry: yauzl.Entry; raw: Buffer }[]> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, f) => (error ? reject(error) : resolve(f))),
  );
  const out: { entry: yauzl.Entry; raw: Buffer }[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      file.on('error', reject);
      file.on('end', resolve);
      file.on('entry', (entry: yauzl.Entry) => {
        const options = entry.isCompressed() ? { decompress: false } : {};
        file.openReadStream(entry, options as yauzl.ZipFileOptions, (error, stream) => {
          if (error) return reject(error);
          const parts: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => parts.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            out.push({ entry, raw: Buffer.concat(parts) });
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  } finally {
    file.close();
  }
  return out;
}

/**
 * Writes the package a library packed to `out`, with the part `name` replaced by
 * `text(original)`: the original part is small (it holds placeholders), the pieces `text`
 * yields can add up to any size.
 */
export async function writePackage(out: Writable, packed: Buffer, name: string, text: (original: string) => Pieces): Promise<void> {
  const zip = new ZipWriter(out);
  const entries = await storedEntries(packed);
  for (const { entry, raw } of entries) {
    const stamp = { time: entry.lastModFileTime, date: entry.lastModFileDate };
    if (entry.fileName === name) {
      const original = (entry.isCompressed() ? inflateRawSync(raw) : raw).toString('utf8');
      await zip.addText(name, text(original), stamp);
    } else {
      await zip.addRaw(
        { name: entry.fileName, method: entry.compressionMethod, ...stamp, crc: entry.crc32, compressedSize: entry.compressedSize, size: entry.uncompressedSize },
        raw,
      );
    }
  }
  if (!entries.some((e) => e.entry.fileName === name)) throw new Error(`the package has no ${name}`);
  await zip.finish();
}
