/**
 * The typed job registry: each job name has exactly one payload type. Producers call
 * JobsService.enqueue(name, payload) and never import the handler; the feature module that
 * owns the work registers the handler at start-up.
 */
export interface JobPayloads {
  /** Import or update outlets from an uploaded .xlsx (the catalogue sheet). */
  'outlets.import': { officeId: number; fileKey: string; fileName: string };
  /** Import articles with their placements from the recording template (.xlsx). */
  'articles.import': { officeId: number; fileKey: string; fileName: string; userId: number; unitId: number | null };
  /** Bring stored score lines up to date: the given articles/units/quarters, or everything from a quarter on. */
  'scores.recompute': { officeId: number; quarters?: string[]; fromQuarter?: string; articleIds?: number[]; reason: string };
  /** Remind units of due monthly reports and 约稿 deadlines. */
  'reminders.send': { officeId: number; date: string };
}

export type JobName = keyof JobPayloads;

export interface JobContext {
  jobId: number;
  attempt: number;
  /** 0–100; stored on the job record so the UI can show a progress bar. */
  progress(percent: number): Promise<void>;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], ctx: JobContext) => Promise<unknown>;

/** The name of the one Bull queue; jobs are told apart by their name. */
export const QUEUE_NAME = 'pubscore';

/** What travels through Bull: only the id of the job record that holds the payload. */
export interface QueuedJobData {
  jobId: number;
}
