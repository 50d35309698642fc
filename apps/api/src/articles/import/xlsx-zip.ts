import { Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/** One file inside an .xlsx (a zip archive), as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataOffset: number;
}

/** The archive is not a zip an .xlsx can be (or uses what no spreadsheet program writes: zip64, encryption). */
export class NotAZipError extends Error {}

/** A part inflated to more bytes than allowed: a zip bomb, or far more than one import holds. */
export class PartTooLargeError extends Error {
  constructor(readonly part: string, readonly limit: number) {
    super(`${part} inflates to more than ${limit} bytes`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip held in memory, from its central directory. The sizes written there
 * are not trusted for anything but slicing the compressed bytes: how much an entry inflates
 * to is counted while it is read (openEntry), since a crafted file can say anything.
 */
export function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new NotAZipError('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new NotAZipError('bad central directory');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw new NotAZipError('encrypted entry');
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new NotAZipError('zip64 entry');
    if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) throw new NotAZipError('bad local header');
    const dataOffset = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > zip.length) throw new NotAZipError('entry runs past the end');
    if (method !== 0 && method !== 8) throw new NotAZipError(`compression method ${method}`);
    entries.set(name.replace(/^\/+/, ''), { name, method, compressedSize, dataOffset });
  }
  return entries;
}

/** Passes bytes through until more than `limit` have gone by, then fails with PartTooLargeError. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly part: string, private readonly limit: number, private readonly onChunk?: (chunk: Buffer) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen > this.limit) return done(new PartTooLargeError(this.part, this.limit));
    this.onChunk?.(chunk);
    done(null, chunk);
  }
}

/**
 * The inflated content of one entry as a stream that fails once it passes `limit` bytes
 * (whatever the archive claims), so a small upload cannot expand into gigabytes. `onChunk`
 * sees every chunk on the way (used to pick out what the sheet reader leaves aside).
 */
export function openEntry(zip: Buffer, entry: ZipEntry, limit: number, onChunk?: (chunk: Buffer) => void): Readable {
  const compressed = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const limiter = new ByteLimit(entry.name, limit, onChunk);
  const source = entry.method === 8 ? createInflateRaw() : new Transform({ transform: (chunk, _e, done) => done(null, chunk) });
  source.on('error', (error) => limiter.destroy(error));
  limiter.on('close', () => source.destroy());
  source.pipe(limiter);
  source.end(compressed);
  return limiter;
}
