/**
 * The read side of the ledger: a quarter's live ranking and a unit's statement (得分明细).
 * Zod schemas, so one definition gives the TypeScript types (z.infer) and the OpenAPI response
 * schemas an outside client is generated from (an upper office pulling rankings).
 */
import { z } from 'zod';
import { LEVELS } from './enums';

const levelCounts = z.record(z.enum(LEVELS), z.number().int());

export const PlacementCountsSchema = z
  .object({ total: z.number().int(), media: levelCounts, bulletin: levelCounts })
  .describe("Verified placements of a unit's articles published in the quarter, by channel and level.");
export type PlacementCounts = z.infer<typeof PlacementCountsSchema>;

export const SchemeVersionRefSchema = z.object({ id: z.number().int(), versionNo: z.number().int(), name: z.string() });
export type SchemeVersionRef = z.infer<typeof SchemeVersionRefSchema>;

export const RankingRowSchema = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  groupId: z.number().int(),
  groupName: z.string(),
  total: z.number().int().describe('Points in ten-thousandths.'),
  totalText: z.string(),
  rank: z.number().int(),
  placements: PlacementCountsSchema,
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

/** GET /api/scores/ranking: the live ranking under the version in force. */
export const RankingResponseSchema = z.object({
    quarter: z.string(),
    schemeVersion: SchemeVersionRefSchema,
    tieRule: z.string(),
    overall: z.array(RankingRowSchema),
    groups: z.array(z.object({ groupId: z.number().int(), groupName: z.string(), rows: z.array(RankingRowSchema) })),
});
export type RankingResponse = z.infer<typeof RankingResponseSchema>;

/** One line of a unit's statement: the record, the rule and the amount. */
export const StatementLineSchema = z.object({
    id: z.number().int(),
    date: z.string(),
    recordType: z.string(),
    recordTypeLabel: z.string(),
    recordId: z.number().int(),
    recordLabel: z.string().describe("What the record is, in words: the article title, the 约稿 topic, the month reported on, the 事项's kind and title, the 加减分's reason."),
    itemKind: z.string().nullable().describe('On a 事项 line: the kind of the item record (recordId), to find it in the item list.'),
    articleId: z.number().int().nullable(),
    articleTitle: z.string().nullable(),
    ruleId: z.string(),
    ruleLabel: z.string(),
    amount: z.number().int(),
    amountText: z.string(),
    amountExact: z.string(),
    runningTotal: z.number().int(),
    runningTotalText: z.string(),
    runningTotalExact: z.string(),
    explanation: z.string().describe('Chinese derivation naming the scheme clause (row label and level cell, target, clamp).'),
    clause: z.string().nullable().describe("Path of that clause in the scheme, e.g. 'adoption.rows[2]'; null on lines stored before it was recorded."),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

/** GET /api/scores/statement: a unit's 得分明细. */
export const StatementResponseSchema = z.object({
    quarter: z.string(),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    schemeVersion: SchemeVersionRefSchema,
    lines: z.array(StatementLineSchema),
    total: z.number().int(),
    totalText: z.string(),
    totalExact: z.string(),
});
export type StatementResponse = z.infer<typeof StatementResponseSchema>;
