import { ElMessage } from 'element-plus';
import { reactive, ref } from 'vue';
import { ApiError } from '@/api/http';

/**
 * Server field errors for one form: `errors[field]` goes into `<el-form-item :error>`, the
 * message into an ElMessage. `submit` wraps a call and answers undefined when it failed.
 */
export function useFormErrors() {
  const errors = reactive<Record<string, string>>({});
  const busy = ref(false);

  function clear() {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  function show(error: unknown) {
    if (error instanceof ApiError) {
      Object.assign(errors, error.errors);
      ElMessage.error(error.message);
    } else {
      ElMessage.error('操作失败，请稍后再试');
      console.error(error);
    }
  }

  async function submit<T>(call: () => Promise<T>, success?: string): Promise<T | undefined> {
    clear();
    busy.value = true;
    try {
      const result = await call();
      if (success) ElMessage.success(success);
      return result;
    } catch (error) {
      show(error);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /** The error of a field, also matching nested paths the server may name (`units.0.unitId`, `units[0].unitId`). */
  function err(field: string): string | undefined {
    return errors[field] ?? errors[field.replace(/\.(\d+)\./g, '[$1].')] ?? undefined;
  }

  return { errors, busy, clear, show, submit, err };
}
