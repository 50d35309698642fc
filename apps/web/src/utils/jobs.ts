import { JOB_NAME_LABELS, JOB_STATUS_LABELS } from '@app/contracts';

/** A job's name as people call it; an unknown name (a job added later) shows as it is. */
export const jobLabel = (name: string): string => (JOB_NAME_LABELS as Record<string, string>)[name] ?? name;
export const jobStatusLabel = (status: string): string => (JOB_STATUS_LABELS as Record<string, string>)[status] ?? status;

/**
 * Technical failures the office cannot act on as written (a driver's English message), put in
 * words with what to do. A failure the job reports in Chinese already says it in words.
 */
const FAILURES: [RegExp, string][] = [
  [/ECONNREFUSED|ECONNRESET|EPIPE|Connection (lost|is closed)|connect ETIMEDOUT|redis/i, '连接数据库或任务队列失败，服务恢复后请重新发起；如反复出现请联系系统管理员'],
  [/ENOENT|no such file|file_missing/i, '上传的文件已找不到，请重新上传后再试'],
  [/stalled|lock.*(lost|expired)|job .*(lost|interrupted)/i, '任务运行中断（服务重启或超时），请重新发起'],
  [/timeout|timed out/i, '任务运行超时，请稍后重试'],
  [/ENOSPC|disk/i, '服务器磁盘空间不足，请联系系统管理员'],
  [/soffice|libreoffice|docx|render/i, '生成通报文件失败，请联系系统管理员检查文档服务'],
  [/ER_[A-Z_]+|SQLITE_[A-Z_]+|QueryFailedError|deadlock/i, '数据库执行出错，请稍后重试；如反复出现请联系系统管理员'],
];

/** What went wrong, in words, and the technical detail (shown small) when the words are ours. */
export function jobFailure(error: string | null | undefined): { text: string; detail: string | null } | null {
  if (!error) return null;
  if (/[\u4e00-\u9fa5]/.test(error)) return { text: error, detail: null };
  const known = FAILURES.find(([pattern]) => pattern.test(error));
  return { text: known ? known[1] : '任务运行出错，请重试；如反复出现请把下面的技术信息告诉系统管理员', detail: error };
}
