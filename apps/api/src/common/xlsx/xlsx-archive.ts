import { Transform, type Readable, type TransformCallback } from 'node:stream';
import * as yauzl from 'yauzl';

/** The upload is not a zip an .xlsx can be, or uses what no spreadsheet program writes for one: zip64, encryption. */
export class NotAZipError extends Error {}

/** A part inflated (or says it inflates) to more bytes than allowed: a zip bomb, or far more than one import holds. */
export class PartTooLargeError extends Error {
  constructor(readonly part: string, readonly limit: number) {
    super(`${part} inflates to more than ${limit} bytes`);
  }
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

const ZIP64_EXTRA_FIELD = 0x0001;

/** The parts of an .xlsx held in memory, each read on demand under a byte cap. */
export class XlsxArchive {
  private readonly opened: Readable[] = [];

  private constructor(private readonly zip: yauzl.ZipFile, private readonly entries: Map<string, yauzl.Entry>) {}

  /**
   * Lists the archive's entries (yauzl reads the central directory). The sizes it declares are
   * not trusted: yauzl checks every entry inflates to exactly its declared size, and open()
   * counts the bytes itself besides.
   */
  static async open(content: Buffer): Promise<XlsxArchive> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error ? reject(new NotAZipError(error.message)) : resolve(file))),
    );
    const entries = new Map<string, yauzl.Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('error', (error: Error) => reject(new NotAZipError(error.message)));
        zip.on('end', () => resolve());
        zip.on('entry', (entry: yauzl.Entry) => {
          const refusal = refusalOf(entry, content.length);
          if (refusal) return reject(new NotAZipError(`${entry.fileName}: ${refusal}`));
          entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new XlsxArchive(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * The inflated content of one part as a stream that fails once it passes `limit` bytes, so a
   * small upload cannot expand into gigabytes. `onChunk` sees every chunk on the way (used to
   * pick out what the sheet reader leaves aside).
   */
  async open(name: string, limit: number, onChunk?: (chunk: Buffer) => void): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new NotAZipError(`no ${name}`);
    if (entry.uncompressedSize > limit) throw new PartTooLargeError(name, limit);
    const source = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(new NotAZipError(error.message)) : resolve(stream))),
    );
    const limiter = new ByteLimit(name, limit, onChunk);
    source.on('error', (error) => limiter.destroy(error));
    limiter.on('close', () => source.destroy());
    source.pipe(limiter);
    this.opened.push(limiter);
    return limiter;
  }

  /** Stops every stream still open (reading may end early: at the row limit, on a bad header). */
  close(): void {
    for (const stream of this.opened) stream.destroy();
    this.zip.close();
  }
}

/** Why an entry makes the archive unusable, if it does. */
function refusalOf(entry: yauzl.Entry, zipLength: number): string | null {
  if (entry.isEncrypted()) return 'encrypted entry';
  // An upload is a few MB: an entry that needs zip64, or whose bytes lie outside the file, is forged.
  if (entry.extraFields.some((field) => field.id === ZIP64_EXTRA_FIELD)) return 'zip64 entry';
  if (entry.relativeOffsetOfLocalHeader + entry.compressedSize > zipLength) return 'entry runs past the end';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) return `compression method ${entry.compressionMethod}`;
  return null;
}
