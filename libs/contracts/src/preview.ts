/** The what-if preview of a draft scheme (POST /api/schemes/preview). */
import { z } from 'zod';
import { LEVELS } from './enums';
import { int } from './responses';

/** A unit's total and ranks under one scheme (the what-if preview). */
export const PreviewStandingSchema = z.object({
  total: int().describe('ten-thousandths of a point'),
  totalText: z.string(),
  rank: int(),
  groupRank: int(),
});
export type PreviewStanding = z.infer<typeof PreviewStandingSchema>;

export const PreviewRowSchema = z.object({
  unitId: int(),
  code: z.string(),
  name: z.string(),
  groupId: int(),
  groupName: z.string(),
  current: PreviewStandingSchema.nullable().describe('Under the version in force; null when no version is in force for the quarter.'),
  draft: PreviewStandingSchema,
  change: z
    .object({ total: int(), totalText: z.string(), rank: int(), groupRank: int() })
    .nullable()
    .describe('draft − current total, and places moved up (positive) or down (negative).'),
});
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

/** How many of the quarter's placements an adoption row of the draft takes (first match at the placement's level). */
export const PreviewRowHitsSchema = z.object({
  clause: z.string().describe("'adoption.rows[2]'; '' for placements no row scores."),
  label: z.string(),
  hits: int(),
  byLevel: z.record(z.enum(LEVELS), int()).describe("The same count by the placement's level: the row's cells in the editor's grid."),
});
export type PreviewRowHits = z.infer<typeof PreviewRowHitsSchema>;

/** One ranking group under the draft, as the notice lists it: units by group rank. */
export const PreviewGroupSchema = z.object({ groupId: int(), groupName: z.string(), rows: z.array(PreviewRowSchema) });
export type PreviewGroup = z.infer<typeof PreviewGroupSchema>;

export const PreviewResponseSchema = z.object({
  quarter: z.string(),
  current: z.object({ id: int(), versionNo: int(), name: z.string() }).nullable(),
  rows: z.array(PreviewRowSchema).describe('Every unit, by overall rank under the draft.'),
  rowHits: z.array(PreviewRowHitsSchema).describe('Per adoption row of the draft, in the order of the table, then the placements no row scores.'),
  groups: z.array(PreviewGroupSchema).describe("The ranking groups in the notice's order (the groups' sort order), each ranked within itself."),
});
export type PreviewResponse = z.infer<typeof PreviewResponseSchema>;
