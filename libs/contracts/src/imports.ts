/** Spreadsheet imports: the row-by-row report of an import job. */

export interface SheetProblem {
  row: number;
  column: string;
  message: string;
  /** articles import: an error keeps the row out, a warning only informs */
  level?: 'error' | 'warning';
  /** articles import: the history sheet (月度报送, 约稿…); absent for the first sheet */
  sheet?: string;
}

/** Result of an import job: counts and the row-by-row problems. */
export interface ImportResult {
  created?: number;
  updated?: number;
  unchanged?: number;
  imported?: number;
  skipped?: number;
  problems?: SheetProblem[];
  [key: string]: unknown;
}
