import { createHash } from 'node:crypto';

/** history_records.stableKey holds 300 characters: a longer key is kept as its hash. */
export const storedKey = (key: string) => (key.length <= 300 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`);
