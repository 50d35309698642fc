import { ElMessage } from 'element-plus';
import { reactive, ref } from 'vue';
import { ApiError } from '@/api/http';
import { articlesApi, reviewApi } from '@/api/recording';
import type { ArticleResponse as Article } from '@app/contracts';
import { confirm } from '@/composables/useAction';

/**
 * Batch submit and batch delete of the drafts picked in the article list. The server answers
 * per article (each in its own transaction); a refused one keeps its reason under its title.
 */
export function useDraftBatch(reload: () => Promise<void>) {
  const selected = ref<Article[]>([]);
  const busy = ref(false);
  /** Why an article of the last batch was not submitted or deleted, by id. */
  const refused = reactive<Record<number, string>>({});

  async function run(kind: 'submit' | 'delete') {
    const picked = selected.value;
    if (picked.length === 0) return;
    const label = kind === 'submit' ? '提交单位审核' : '删除';
    const question = kind === 'submit'
      ? `把选中的 ${picked.length} 篇草稿提交单位审核？提交后不能再修改；缺少证明材料的录用不会提交，会在标题下说明原因。`
      : `删除选中的 ${picked.length} 篇草稿？它们的录用、批示和证明材料一并删除，不能恢复。`;
    if (!(await confirm(question, `批量${label}`))) return;
    busy.value = true;
    try {
      const result = kind === 'submit'
        ? await reviewApi.bulk('submit', picked.map((a) => ({ type: 'articles' as const, id: a.id })))
        : await articlesApi.bulkRemove(picked.map((a) => a.id));
      for (const key of Object.keys(refused)) delete refused[Number(key)];
      for (const r of result.results) if (!r.ok) refused[r.id] = `未${label}：${r.message}`;
      if (result.failed === 0) ElMessage.success(`已${label} ${result.succeeded} 篇`);
      else ElMessage.warning(`${result.succeeded} 篇已${label}，${result.failed} 篇未${label}，原因见各稿件标题下`);
    } catch (error) {
      ElMessage.error(error instanceof ApiError ? error.message : '操作失败，请稍后再试');
    } finally {
      busy.value = false;
    }
    selected.value = [];
    await reload();
  }

  return { selected, busy, refused, run };
}
