import { Logger } from '@nestjs/common';
import type { JobsService } from '../jobs/jobs.service';
import type { JobPayloads } from '../jobs/job.types';

const logger = new Logger('ScoreRecompute');

/**
 * Asks for the stored score lines to be brought up to date after a record changed. The change
 * itself has been saved: when the queue is down the office can recompute later from the
 * scores page, so a failure here is logged, not thrown. Joins only a recompute that has not
 * started yet (a running one may have read the data before this change).
 */
export async function requestRecompute(jobs: JobsService, payload: JobPayloads['scores.recompute'], createdBy: number | null = null): Promise<void> {
  const scope = payload.articleIds?.length ? `articles:${payload.articleIds.join(',')}` : payload.quarters?.length ? `quarters:${payload.quarters.join(',')}` : `from:${payload.fromQuarter ?? 'all'}`;
  try {
    await jobs.enqueue('scores.recompute', payload, {
      businessKey: `${payload.reason}:${payload.officeId}:${scope}`.slice(0, 200),
      officeId: payload.officeId,
      createdBy,
      joinWhile: 'queued',
    });
  } catch (error) {
    logger.warn(`score recompute not queued (${payload.reason}): ${(error as Error).message}`);
  }
}
