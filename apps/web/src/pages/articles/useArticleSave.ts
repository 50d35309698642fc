import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { ApiError } from '@/api/http';
import { articlesApi, evidenceApi, placementsApi, reviewApi, type ArticleInput, type PlacementInput } from '@/api/recording';
import type { useFormErrors } from '@/composables/useFormErrors';
import { today } from '@/utils/format';
import { blankPlacement, editable, type ArticleDraft, type PlacementDraft } from './draft';

type Errors = ReturnType<typeof useFormErrors>;

const EVIDENCE_MISSING = '提交审核前请上传证明材料（截图、扫描件或 PDF）';
const quarterOfDate = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : '保存失败，请稍后再试');

function articleBody(a: ArticleDraft, ownUnitId: number | null, isNew: boolean): ArticleInput {
  const body: ArticleInput = {
    title: a.title,
    summary: a.summary || undefined,
    wordCount: a.wordCount ?? undefined,
    genre: a.genre || undefined,
    authors: a.authors || undefined,
  };
  // Left out when it is today on a new article: the server then records the exact time.
  if (!isNew || a.submittedAt !== today()) body.submittedAt = a.submittedAt;
  if (a.signers.length > 1 && ownUnitId) {
    body.units = a.signers.map((s) => ({ unitId: (s.own ? ownUnitId : s.unitId) as number, sharePercent: s.sharePercent ?? undefined }));
  }
  return body;
}

function placementBody(p: PlacementDraft): PlacementInput {
  return {
    outletId: p.outletId, publishedAt: p.publishedAt, page: p.page || undefined, prominence: p.prominence, form: p.form, medium: p.medium || undefined,
    url: p.url || undefined, views: p.views ?? undefined, shares: p.shares ?? undefined,
  };
}

/**
 * Saves the entry form step by step: the article, each placement, each waiting evidence file,
 * then (optionally) submits. A step that fails leaves its error next to its field; what was
 * saved stays saved, so pressing save again only retries what is missing.
 */
export function useArticleSave(article: ArticleDraft, placements: PlacementDraft[], ownUnitId: () => number | null, form: Errors) {
  const articleId = ref<number>();
  const version = ref<number>();
  const status = ref<string>();
  const saving = ref(false);

  function fail(prefix: string, error: unknown) {
    if (error instanceof ApiError && Object.keys(error.errors).length > 0) {
      for (const [field, message] of Object.entries(error.errors)) form.errors[`${prefix}${field}`] = message;
    } else {
      form.errors[`${prefix}${prefix ? 'outletId' : 'title'}`] = messageOf(error);
    }
  }

  async function saveArticle(): Promise<boolean> {
    const isNew = articleId.value === undefined;
    if (!isNew && !editable(status.value)) return true;
    try {
      const body = articleBody(article, ownUnitId(), isNew);
      const saved = isNew ? await articlesApi.create(body) : await articlesApi.update(articleId.value!, { ...body, version: version.value });
      articleId.value = saved.id;
      version.value = saved.version;
      status.value = saved.status;
      return true;
    } catch (error) {
      fail('', error);
      ElMessage.error(messageOf(error));
      return false;
    }
  }

  async function savePlacement(p: PlacementDraft, i: number): Promise<boolean> {
    if (!editable(p.status)) return true;
    try {
      const body = placementBody(p);
      const saved = p.id ? await placementsApi.update(p.id, { ...body, version: p.version }) : await articlesApi.addPlacement(articleId.value!, body);
      const warnings = (saved as { warnings?: { message: string }[] }).warnings ?? [];
      Object.assign(p, { id: saved.id, version: saved.version, status: saved.status, warnings: warnings.map((w) => w.message) });
    } catch (error) {
      fail(`placements.${i}.`, error);
      return false;
    }
    for (const file of [...p.files]) {
      try {
        p.existing = [...p.existing, await evidenceApi.upload('placements', p.id!, file)];
        p.files = p.files.filter((f) => f !== file);
      } catch (error) {
        form.errors[`placements.${i}.evidence`] = `${file.name}：${messageOf(error)}`;
        return false;
      }
    }
    return true;
  }

  /** Whether the scheme in force lets a placement of this date be submitted before its evidence (asked once per quarter). */
  const laterByQuarter = new Map<string, Promise<boolean>>();
  function evidenceLater(date: string): Promise<boolean> {
    const quarter = quarterOfDate(date);
    if (!laterByQuarter.has(quarter)) laterByQuarter.set(quarter, reviewApi.evidenceRule(date).then((r) => r.evidenceLater, () => false));
    return laterByQuarter.get(quarter)!;
  }

  /**
   * Every field the form can check itself, all at once, before anything is sent: the title, each
   * placement's outlet and date, and (when submitting) its evidence, as the server's rule says.
   */
  async function validate(submit: boolean): Promise<boolean> {
    const errors: Record<string, string> = {};
    if (!article.title.trim()) errors.title = '请填写稿件标题';
    if (!article.submittedAt) errors.submittedAt = '请选择报送日期';
    for (const [i, p] of placements.entries()) {
      if (blankPlacement(p) || !editable(p.status)) continue;
      if (!p.outletId) errors[`placements.${i}.outletId`] = '请选择媒体/刊物';
      if (!p.publishedAt) errors[`placements.${i}.publishedAt`] = '请选择刊发日期';
      else if (submit && p.existing.length + p.files.length === 0 && !(await evidenceLater(p.publishedAt))) errors[`placements.${i}.evidence`] = EVIDENCE_MISSING;
    }
    Object.assign(form.errors, errors);
    const count = Object.keys(errors).length;
    if (count > 0) ElMessage.error(`有 ${count} 处需要修改，请按红色提示填写`);
    return count === 0;
  }

  /**
   * The server's answer to a refused submission, put next to the fields: its `placements.N`
   * counts the submitted placements in the order they were recorded.
   */
  function placeSubmitErrors(error: unknown) {
    if (!(error instanceof ApiError)) return;
    const submitted = placements.map((p, i) => ({ p, i })).filter(({ p }) => p.id && editable(p.status)).sort((a, b) => a.p.id! - b.p.id!);
    for (const [field, message] of Object.entries(error.errors)) {
      const m = /^placements\.(\d+)\.(.+)$/.exec(field);
      const at = m ? submitted[Number(m[1])] : undefined;
      form.errors[at ? `placements.${at.i}.${m![2]}` : field] = message;
    }
  }

  async function submitAll() {
    if (editable(status.value)) {
      await reviewApi.act('articles', articleId.value!, 'submit');
      return;
    }
    // The article is already under review: submit the placements added since.
    for (const [i, p] of placements.entries()) {
      if (!p.id || !editable(p.status)) continue;
      try {
        await reviewApi.act('placements', p.id, 'submit');
      } catch (error) {
        if (error instanceof ApiError && error.errors.evidence) form.errors[`placements.${i}.evidence`] = error.errors.evidence;
        throw error;
      }
    }
  }

  async function save(submit: boolean): Promise<number | undefined> {
    form.clear();
    saving.value = true;
    try {
      if (!(await validate(submit))) return undefined;
      if (!(await saveArticle())) return undefined;
      const results = [];
      for (const [i, p] of placements.entries()) if (!blankPlacement(p)) results.push(await savePlacement(p, i));
      if (results.includes(false)) {
        ElMessage.error('稿件已保存，但有录用未保存成功，请按提示修改后再次保存');
        return undefined;
      }
      if (submit) {
        try {
          await submitAll();
        } catch (error) {
          placeSubmitErrors(error);
          ElMessage.error(`已保存为草稿，但提交失败：${messageOf(error)}`);
          return undefined;
        }
      }
      return articleId.value;
    } finally {
      saving.value = false;
    }
  }

  return { articleId, version, status, saving, save };
}
