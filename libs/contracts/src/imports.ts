/** Spreadsheet imports: the row-by-row report of an import job. */
import { z } from 'zod';
import { int } from './responses';

export const SheetProblemSchema = z.object({
  row: int(),
  column: z.string(),
  message: z.string(),
  level: z.enum(['error', 'warning']).optional().describe('articles import: an error keeps the row out, a warning only informs'),
  sheet: z.string().optional().describe('articles import: the history sheet (月度报送, 约稿…); absent for the first sheet'),
});
export type SheetProblem = z.infer<typeof SheetProblemSchema>;

/** Result of an import job: counts and the row-by-row problems. */
export const ImportResultSchema = z
  .object({
    created: int().optional(),
    updated: int().optional(),
    unchanged: int().optional(),
    imported: int().optional(),
    skipped: int().optional(),
    problems: z.array(SheetProblemSchema).optional(),
  })
  .catchall(z.unknown());
export type ImportResult = z.infer<typeof ImportResultSchema>;
