import { createHash, hash } from 'node:crypto';

/** What a snapshot line contributes to the content hash. */
export interface HashedLine {
  unitId: number;
  amount: number;
  ruleId: string;
  recordType: string;
  recordId: number;
  date: string;
}

/** What a unit row contributes to the content hash. */
export interface HashedUnit {
  unitId: number;
  total: number;
  groupRank: number;
  overallRank: number;
}

/** The lines' part of the hash: how many, and the sum of their 64-bit digests (lineDigest). */
export interface LinesDigest {
  count: number;
  sum: bigint;
}

/** Sums of line digests are kept to 96 bits (a province quarter's sum stays far below). */
const SUM_MASK = (1n << 96n) - 1n;

/**
 * A line's digest: the first 8 bytes (big-endian) of SHA-256 over its key. MariaDB computes the
 * same in SQL (PublishRepository.lineDigests: SHA2 over CONCAT_WS('|', …), the same columns in
 * the same order), so both backends hash the same content to the same value.
 */
export function lineDigest(l: HashedLine): bigint {
  return hash('sha256', `${l.unitId}|${l.amount}|${l.ruleId}|${l.recordType}|${l.recordId}|${l.date}`, 'buffer').readBigUInt64BE(0);
}

export function addDigests(a: LinesDigest, b: LinesDigest): LinesDigest {
  return { count: a.count + b.count, sum: (a.sum + b.sum) & SUM_MASK };
}

/**
 * SHA-256 over the unit rows and the multiset of lines. Line ids change whenever the ledger is
 * recomputed, so lines are combined order-free (count and a sum of per-line digests): the same
 * content always gives the same hash.
 */
export function contentHash(units: readonly HashedUnit[], lines: LinesDigest): string {
  const h = createHash('sha256');
  for (const u of [...units].sort((a, b) => a.unitId - b.unitId)) h.update(`${u.unitId}|${u.total}|${u.groupRank}|${u.overallRank}\n`);
  return h.update(`lines|${lines.count}|${(lines.sum & SUM_MASK).toString(16)}`).digest('hex');
}
