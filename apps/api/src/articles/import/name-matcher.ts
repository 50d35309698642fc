import { normalizeTitle, titleSimilarity } from '../title-similarity';

/** Something a sheet names by text: a unit or an outlet. */
export interface NamedRef {
  id: number;
  code: string;
  name: string;
  aliases?: string[];
  active: boolean;
}

export type Match<T> = { ok: true; ref: T } | { ok: false; message: string };

/** Names compare like titles: no spaces, punctuation or 《》, full and half width alike. */
export const normalizeName = (text: string) => normalizeTitle(text);

/**
 * Finds units or outlets by what people write: the exact name first, then an alias, then
 * the code; a unique name that starts with the text (临江街道 → 临江街道党工委) last. An
 * unknown name answers with the closest known ones so the row can be corrected.
 */
export class NameMatcher<T extends NamedRef> {
  private readonly byName = new Map<string, T[]>();
  private readonly byAlias = new Map<string, T[]>();
  private readonly byCode = new Map<string, T[]>();
  private readonly cache = new Map<string, Match<T>>();

  constructor(private readonly refs: T[], private readonly what: string, private readonly allowPrefix = false) {
    const add = (map: Map<string, T[]>, key: string, ref: T) => {
      if (!key) return;
      const list = map.get(key) ?? [];
      if (!list.includes(ref)) list.push(ref);
      map.set(key, list);
    };
    for (const ref of refs) {
      add(this.byName, normalizeName(ref.name), ref);
      for (const alias of ref.aliases ?? []) add(this.byAlias, normalizeName(alias), ref);
      add(this.byCode, normalizeName(ref.code), ref);
    }
  }

  match(text: string): Match<T> {
    const key = normalizeName(text);
    let result = this.cache.get(key);
    if (!result) {
      result = this.resolve(text, key);
      this.cache.set(key, result);
    }
    return result;
  }

  private resolve(text: string, key: string): Match<T> {
    const found = this.byName.get(key) ?? this.byAlias.get(key) ?? this.byCode.get(key) ?? this.prefixed(key);
    if (found && found.length > 1) {
      return { ok: false, message: `${this.what}「${text}」同时对应 ${found.map((r) => `「${r.name}」`).join('、')}，请写全称` };
    }
    if (found && found.length === 1) {
      const ref = found[0];
      return ref.active ? { ok: true, ref } : { ok: false, message: `${this.what}「${ref.name}」已停用` };
    }
    const closest = this.closest(key, 3);
    const hint = closest.length > 0 ? `，最接近的是：${closest.map((r) => r.name).join('、')}` : '';
    return { ok: false, message: `未找到${this.what}「${text}」${hint}` };
  }

  private prefixed(key: string): T[] | undefined {
    if (!this.allowPrefix || [...key].length < 2) return undefined;
    const hits = this.refs.filter((r) => normalizeName(r.name).startsWith(key));
    return hits.length > 0 ? hits : undefined;
  }

  /** The `n` active refs whose name or an alias is most similar to `key` (title similarity). */
  closest(key: string, n: number): T[] {
    return this.refs
      .filter((r) => r.active)
      .map((r) => ({ r, score: Math.max(...[r.name, ...(r.aliases ?? [])].map((s) => titleSimilarity(key, normalizeName(s)))) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score || a.r.name.localeCompare(b.r.name, 'zh'))
      .slice(0, n)
      .map((x) => x.r);
  }
}
