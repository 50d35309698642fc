import { JOB_NAME_LABELS } from '@app/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The typed job registry: each job name has exactly one payload type. Producers call
 * JobsService.enqueue(name, payload) and never import the handler; the feature that owns the
 * work marks its method @JobHandler(name), and the app refuses to start unless every name
 * here has exactly one (job-registry.ts).
 */
export interface JobPayloads {
  /** Import or update outlets from an uploaded .xlsx (the catalogue sheet). */
  'outlets.import': { officeId: number; fileKey: string; fileName: string; userId?: number };
  /** Import articles with their placements from the recording template (.xlsx). */
  'articles.import': {
    officeId: number; fileKey: string; fileName: string; userId: number; unitId: number | null;
    /** Status of the imported entries: 'verified' only when the office loads checked history (default draft). */
    asStatus?: 'draft' | 'verified';
  };
  /** Bring stored score lines up to date: the given articles/units/quarters, or everything from a quarter on. */
  'scores.recompute': { officeId: number; quarters?: string[]; fromQuarter?: string; articleIds?: number[]; reason: string };
  /** Remind units of due monthly reports and 约稿 deadlines (daily), or of one month's missing reports now (催报, urgeMonth). */
  'reminders.send': { officeId: number; date: string; urgeMonth?: string };
  /** Recompute, aggregate, rank and freeze a quarter as a new snapshot revision (business key: office + quarter). */
  'quarters.publish': { officeId: number; quarter: string; requestedBy: number; reason?: string };
  /** Render a snapshot's notice as DOCX and XLSX. */
  'notices.render': { snapshotId: number };
  /** The daily check: opens the review stage of a finished quarter once its last monthly report is due, and reminds the office. */
  'quarters.tick': { date: string };
}

export type JobName = keyof JobPayloads;

/** Every job has a Chinese name for the pages: a new job name fails to compile until it gets one in @app/contracts. */
export const JOB_LABELS: Record<JobName, string> = JOB_NAME_LABELS;

export interface JobContext {
  jobId: number;
  attempt: number;
  /** 0–100; stored on the job record so the UI can show a progress bar. */
  progress(percent: number): Promise<void>;
}

export type JobHandlerFn<N extends JobName> = (payload: JobPayloads[N], ctx: JobContext) => Promise<unknown>;

/**
 * Merges an office's stored requests of one job into fewer, each with its business key, so a
 * backlog kept while the queue is down for hours stays small (see JobsService.drainRequests).
 */
export type JobCoalescer<N extends JobName> = (payloads: JobPayloads[N][]) => { payload: JobPayloads[N]; businessKey: string }[];

/** Written with every request or enqueue of a job, in the same transaction (the ledger's dirty marks). */
export type JobStoreHook<N extends JobName> = (manager: EntityManager, payload: JobPayloads[N]) => Promise<void>;

/** The name of the one Bull queue; jobs are told apart by their name. */
export const QUEUE_NAME = 'pubscore';

/**
 * What travels through Bull: only the id of the job record that holds the payload, or, on
 * the repeatable job of a @DailyJob, its name (its delivery queues the day's real job).
 */
export type QueuedJobData = { jobId: number; scheduled?: undefined } | { scheduled: JobName };
