import { ElMessage, ElMessageBox } from 'element-plus';
import { ApiError } from '@/api/http';

/** Asks for confirmation (when a question is given); answers false when the user cancelled. */
export async function confirm(question: string, title = '请确认'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(question, title, { type: 'warning', confirmButtonText: '确定', cancelButtonText: '取消' });
    return true;
  } catch {
    return false;
  }
}

/** Runs one action from a table row: success message, or the server's Chinese message. */
export async function act(call: () => Promise<unknown>, success: string): Promise<boolean> {
  try {
    await call();
    ElMessage.success(success);
    return true;
  } catch (error) {
    ElMessage.error(error instanceof ApiError ? error.message : '操作失败，请稍后再试');
    return false;
  }
}
