import { ElMessage } from 'element-plus';
import { computed, reactive, ref, shallowRef, watch, type UnwrapNestedRefs } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import type { Page } from '@app/contracts';
import { ApiError, type Query } from '@/api/http';

type Filters = Record<string, string>;

function pickFilters<F extends Filters>(defaults: F, query: LocationQuery): F {
  const out = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof F)[]) {
    const value = query[key as string];
    if (typeof value === 'string') out[key] = value as F[keyof F];
  }
  return out;
}

/**
 * A paginated list whose filters and page live in the URL query, so that a reload, the back
 * button or a pasted link shows the same list. Editing the filter form changes nothing until
 * `search()`; the URL change then loads the list.
 */
export function useListQuery<T, F extends Filters>(defaults: F, fetch: (query: Query) => Promise<Page<T>>, pageSize = 20) {
  const route = useRoute();
  const router = useRouter();
  const path = route.path;
  const filters = reactive({ ...defaults }) as F;
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const size = ref(pageSize);
  const loading = ref(false);
  const failed = ref('');
  /** The server's sort: a column the list allows, `-` first for descending; '' = the list's own order. */
  const sort = ref('');

  async function load() {
    loading.value = true;
    failed.value = '';
    try {
      const result = await fetch({ ...filters, page: page.value, pageSize: size.value, ...(sort.value ? { sort: sort.value } : {}) });
      items.value = result.items;
      total.value = result.total;
    } catch (error) {
      items.value = [];
      total.value = 0;
      failed.value = error instanceof ApiError ? error.message : '加载失败';
      if (!(error instanceof ApiError && error.status === 404)) ElMessage.error(failed.value);
    } finally {
      loading.value = false;
    }
  }

  function toUrl(nextPage: number) {
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(filters)) if (value !== defaults[key]) query[key] = value;
    if (nextPage > 1) query.page = String(nextPage);
    if (size.value !== pageSize) query.pageSize = String(size.value);
    if (sort.value) query.sort = sort.value;
    const same = JSON.stringify(query) === JSON.stringify(route.query);
    if (same) void load();
    else void router.replace({ path, query });
  }

  watch(
    () => route.query,
    (query) => {
      if (route.path !== path) return;
      Object.assign(filters, pickFilters(defaults, query));
      page.value = Math.max(1, Number(query.page) || 1);
      size.value = Number(query.pageSize) || pageSize;
      sort.value = typeof query.sort === 'string' ? query.sort : '';
      void load();
    },
    { immediate: true },
  );

  // reactive() unwraps the refs, so templates read `list.items` and `list.loading` directly.
  return reactive({
    filters, items, total, page, size, loading, failed, load, sort,
    /** For el-table's `default-sort`: the arrow on the column the list is sorted by. */
    tableSort: computed(() => (sort.value ? { prop: sort.value.replace(/^-/, ''), order: sort.value.startsWith('-') ? 'descending' as const : 'ascending' as const } : undefined)),
    /** el-table's `sort-change` (columns with `sortable="custom"`): the server sorts, from page 1. */
    sortBy: ({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }) => {
      sort.value = prop && order ? `${order === 'descending' ? '-' : ''}${prop}` : '';
      toUrl(1);
    },
    search: () => toUrl(1),
    reset: () => {
      Object.assign(filters, defaults);
      toUrl(1);
    },
    goto: (p: number) => toUrl(p),
    resize: (s: number) => {
      size.value = s;
      toUrl(1);
    },
  });
}

export type ListQuery<T, F extends Filters> = UnwrapNestedRefs<ReturnType<typeof useListQuery<T, F>>>;
