import { onUnmounted, ref } from 'vue';
import type { JobResponse } from '@app/contracts';
import { jobsApi } from '@/api/reference';

/** Follows a queued job until it is done or failed, polling its state for the progress bar. */
export function useJob(intervalMs = 600) {
  const job = ref<JobResponse | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function track(initial: JobResponse): Promise<JobResponse> {
    job.value = initial;
    return new Promise((resolve) => {
      const poll = async () => {
        if (stopped) return;
        const current = job.value!;
        if (current.status === 'done' || current.status === 'failed') return resolve(current);
        try {
          job.value = await jobsApi.get(current.id);
        } catch {
          // a missed poll is retried on the next tick
        }
        timer = setTimeout(poll, intervalMs);
      };
      void poll();
    });
  }

  onUnmounted(() => {
    stopped = true;
    clearTimeout(timer);
  });

  return { job, track };
}
