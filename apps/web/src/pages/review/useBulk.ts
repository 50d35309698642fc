import { ElMessage, ElMessageBox } from 'element-plus';
import { ref } from 'vue';
import { ApiError } from '@/api/http';
import { reviewApi } from '@/api/recording';
import type { QueueItem, ReviewAction } from '@app/contracts';

/** Bulk review of the selected queue rows: each row gets its own answer; failures are listed. */
export function useBulk(reload: () => Promise<void>) {
  const selected = ref<QueueItem[]>([]);
  const busy = ref(false);

  async function run(action: ReviewAction, label: string) {
    if (selected.value.length === 0) return;
    let reason: string | undefined;
    try {
      if (action === 'return' || action === 'reject') {
        ({ value: reason } = await ElMessageBox.prompt(`${label}选中的 ${selected.value.length} 条，请填写原因：`, `批量${label}`, { inputType: 'textarea', inputValidator: (v) => !!v?.trim() || '请填写原因' }));
      } else {
        await ElMessageBox.confirm(`${label}选中的 ${selected.value.length} 条？`, `批量${label}`, { type: 'info' });
      }
    } catch {
      return;
    }
    busy.value = true;
    try {
      const result = await reviewApi.bulk(action, selected.value.map((r) => ({ type: r.type, id: r.id })), reason);
      if (result.failed === 0) ElMessage.success(`已${label} ${result.succeeded} 条`);
      else {
        const reasons = result.results.filter((r) => !r.ok).map((r) => ('message' in r ? r.message : '')).slice(0, 3).join('；');
        ElMessage.warning(`${result.succeeded} 条成功，${result.failed} 条未处理：${reasons}`);
      }
    } catch (error) {
      ElMessage.error(error instanceof ApiError ? error.message : '操作失败');
    } finally {
      busy.value = false;
    }
    await reload();
  }

  /** The queue table's selection changed. */
  function select(rows: QueueItem[]) {
    selected.value = rows;
  }

  return { selected, busy, run, select };
}
