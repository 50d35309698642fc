import { finished } from 'node:stream/promises';
import { Readable, type Writable } from 'node:stream';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';

/**
 * An Office file (DOCX, XLSX) written as a stream: a library (docx, exceljs) packs the document
 * with a small placeholder where the big table goes, and here that one part (word/document.xml,
 * a worksheet) is replaced by text produced piece by piece and deflated on its way to `out`
 * (yazl: data descriptors, zip64 when needed), so the file's size never sits in memory. The
 * other parts are copied over as they are.
 */

/** A part's text, in pieces of any size. */
export type Pieces = Iterable<string> | AsyncIterable<string>;

/** Pieces of the streamed part are gathered into chunks about this long before deflating. */
const CHUNK_CHARS = 32 * 1024;

async function* utf8Chunks(pieces: Pieces): AsyncGenerator<Buffer> {
  let pending = '';
  for await (const piece of pieces) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      yield Buffer.from(pending, 'utf8');
      pending = '';
    }
  }
  if (pending) yield Buffer.from(pending, 'utf8');
}

interface PackedPart {
  name: string;
  mtime: Date;
  compressed: boolean;
  data: Buffer;
}

/** The parts of a package the library packed in memory (small: the big part is a placeholder). */
async function packedParts(zip: Buffer): Promise<PackedPart[]> {
  const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, f) => (error ? reject(error) : resolve(f))),
  );
  const parts: PackedPart[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      file.on('error', reject);
      file.on('end', resolve);
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            parts.push({ name: entry.fileName, mtime: entry.getLastModDate(), compressed: entry.isCompressed(), data: Buffer.concat(chunks) });
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  } finally {
    file.close();
  }
  return parts;
}

/**
 * Writes the package a library packed to `out` (left open: the caller ends it), with the part
 * `name` replaced by `text(original)`: the original part is small (it holds placeholders), the
 * pieces `text` yields can add up to any size.
 */
export async function writePackage(out: Writable, packed: Buffer, name: string, text: (original: string) => Pieces): Promise<void> {
  const parts = await packedParts(packed);
  if (!parts.some((p) => p.name === name)) throw new Error(`the package has no ${name}`);
  const zip = new yazl.ZipFile();
  zip.outputStream.pipe(out, { end: false });
  const written = finished(zip.outputStream);
  for (const part of parts) {
    const options = { mtime: part.mtime, compress: part.compressed };
    if (part.name === name) zip.addReadStream(Readable.from(utf8Chunks(text(part.data.toString('utf8')))), name, options);
    else zip.addBuffer(part.data, part.name, options);
  }
  zip.end();
  await written;
}
