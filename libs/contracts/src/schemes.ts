/** 计分办法 versions, their validation and diff, as the API answers them. */
import { z } from 'zod';
import { int, JobResponseSchema } from './responses';

export const SchemeVersionResponseSchema = z.object({
  id: int(),
  versionNo: int(),
  name: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable().describe("Last quarter it applies to (the quarter before the next version's start), null while it is the latest."),
  note: z.string().nullable(),
  locked: z.boolean().describe('A published ranking used it: it can no longer be edited.'),
  lockedAt: z.string().nullable(),
  createdBy: int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: int(),
});
export type SchemeVersionResponse = z.infer<typeof SchemeVersionResponseSchema>;

/** What the scheme scores, in words and numbers (the editor's and the notice's summary of a version). */
export const SchemeSummarySchema = z.record(z.string(), z.unknown()).describe("The compiled scheme's summary: format, rows, catalogue of 事项, caps.");

export const SchemeVersionDetailSchema = SchemeVersionResponseSchema.extend({ document: z.string().describe('the YAML text'), summary: SchemeSummarySchema });
export type SchemeVersionDetail = z.infer<typeof SchemeVersionDetailSchema>;

/** A saved version and the recompute it queued (null when the queue was unavailable). */
export const SchemeSaveResponseSchema = SchemeVersionDetailSchema.extend({ recomputeJob: JobResponseSchema.nullable() });
export type SchemeSaveResponse = z.infer<typeof SchemeSaveResponseSchema>;

/** DELETE /api/schemes/:id: the recompute the removal queued (null when none was needed or the queue was unavailable). */
export const SchemeRemovedSchema = z.object({ recomputeJob: JobResponseSchema.nullable() });
export type SchemeRemoved = z.infer<typeof SchemeRemovedSchema>;

/** A field-level problem (or warning) in a scheme document, with its line and column in YAML text. */
export const SchemeProblemSchema = z.object({
  path: z.string().describe("Dotted path to the field, e.g. 'basePoints.media.central'"),
  code: z.string(),
  message: z.string(),
  line: int().optional(),
  column: int().optional(),
});

export const SchemeValidationResultSchema = z.object({
  valid: z.boolean(),
  errors: z.array(SchemeProblemSchema),
  warnings: z.array(SchemeProblemSchema).describe('Rows that can never match and levels no row scores: they do not block saving.'),
  summary: SchemeSummarySchema.nullable(),
});
export type SchemeValidationResult = z.infer<typeof SchemeValidationResultSchema>;

const versionHead = z.object({ id: int(), versionNo: int(), name: z.string(), effectiveFrom: z.string() });

export const SchemeDiffResponseSchema = z.object({
  a: versionHead,
  b: versionHead,
  changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })).describe('One changed leaf per entry; a side without the leaf omits it.'),
});
export type SchemeDiffResponse = z.infer<typeof SchemeDiffResponseSchema>;
