import type { ErrorBody } from '@app/contracts';

/** An answer other than 2xx, carrying the server's error body (Chinese message, field errors). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly errors: Record<string, string> = {}) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2` from the set values (empty strings and nulls are left out). */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let onUnauthorized: (() => void) | null = null;
/** The router registers what to do when the session has expired (go to the login page). */
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await res.json()) as ErrorBody;
  } catch {
    // not JSON: a proxy or a crash; the generic message below is all we can say
  }
  const message = body.message || (res.status >= 500 ? '服务器出错，请稍后再试' : `请求失败（${res.status}）`);
  return new ApiError(res.status, body.code ?? 'http_error', message, body.errors ?? {});
}

/** One call to the API: the session travels in its httpOnly cookie. */
export async function request<T>(method: string, url: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(`/api${url}${queryString(query)}`, init);
  } catch {
    throw new ApiError(0, 'network_error', '无法连接服务器，请检查网络');
  }
  if (res.status === 401 && !url.startsWith('/auth/login') && onUnauthorized) onUnauthorized();
  if (!res.ok) throw await toError(res);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const http = {
  get: <T>(url: string, query?: Query) => request<T>('GET', url, undefined, query),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body ?? {}),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body ?? {}),
  del: <T = void>(url: string) => request<T>('DELETE', url),
  /** a URL the browser can open or download directly (the cookie goes along) */
  href: (url: string, query?: Query) => `/api${url}${queryString(query)}`,
};

/** Sends one file as multipart field `file`. */
export function upload<T>(url: string, file: File | Blob, fileName?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'upload'));
  return request<T>('POST', url, form);
}
