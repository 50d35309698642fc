import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * A file for writer tests that takes 16 kB at a time, so a writer must wait for it to drain;
 * `written()` ends it, as its owner (FileStore.putStream) does, and returns what it received.
 */
export function slowFile(): { sink: Writable; written: () => Promise<Buffer> } {
  const parts: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      setImmediate(done);
    },
  });
  const written = async () => {
    sink.end();
    await finished(sink);
    return Buffer.concat(parts);
  };
  return { sink, written };
}
