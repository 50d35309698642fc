import { SetMetadata } from '@nestjs/common';
import type { JobCoalescer, JobHandlerFn, JobName } from './job.types';

export const JOB_HANDLER = 'pubscore:job-handler';

export interface JobHandlerMetadata<N extends JobName = JobName> {
  name: N;
  /** Merges an office's stored requests of this job before they are queued (see JobsService.handOver). */
  coalesce?: JobCoalescer<N>;
}


/**
 * Marks the service method that does the work of job `name`. The JobRegistry finds every
 * such method when the app starts and refuses to start unless each job name has exactly one,
 * so a job that nobody handles fails at boot instead of in the jobs list days later. The
 * method's signature is checked against the job's payload type.
 */
export function JobHandler<N extends JobName>(name: N, options: { coalesce?: JobCoalescer<N> } = {}) {
  const metadata: JobHandlerMetadata<N> = { name, ...options };
  return <M extends JobHandlerFn<N>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    SetMetadata(JOB_HANDLER, metadata)(target, key, descriptor);
  };
}
