import {
  ADJUSTMENT_STATUS_LABELS, AUDIT_ACTION_NAMES, AUDIT_ENTITY_NAMES, AUDIT_FIELD_NAMES, AUDIT_HIDDEN_FIELDS, ENTRY_STATUS_LABELS, LEVEL_LABELS,
  PLACEMENT_FORM_LABELS, PROMINENCE_LABELS, ROLE_LABELS, type AuditEntryResponse,
} from '@app/contracts';
import type { AuditEntry } from './audit-entry.entity';
import type { AuditSubject } from './audit-subjects';

export interface AuditActor {
  name: string;
  unitName: string | null;
}

/** Codes stored as values that have a Chinese name (statuses, levels, roles …). */
const VALUE_NAMES: Record<string, Record<string, string>> = {
  status: { ...ENTRY_STATUS_LABELS, ...ADJUSTMENT_STATUS_LABELS, open: '待答复', answered: '已答复' },
  asStatus: ENTRY_STATUS_LABELS,
  stage: { open: '录入中', review: '复核中', closed: '已关账', published: '已发布' },
  level: LEVEL_LABELS,
  prominence: PROMINENCE_LABELS,
  form: PLACEMENT_FORM_LABELS,
  role: ROLE_LABELS,
  receivedVia: { email: '电子邮件', paper: '纸质', phone: '电话', fax: '传真', other: '其他' },
  action: { close: '关账', publish: '发布', submit: '提交', approve: '审核通过', return: '退回', reject: '不予采用', verify: '核定', reopen: '重新打开' },
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** 2026-03-05T02:10:00.000Z → 2026-03-05 10:10 in the business zone, as the office reads it */
export function auditTime(value: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}

/** A value as a person reads it: names for codes, 是/否, lists joined, nested objects as 字段：值. */
export function auditValue(field: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return VALUE_NAMES[field]?.[value] ?? (ISO_INSTANT.test(value) ? auditTime(value, timeZone) : value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => auditValue(field, v, timeZone)).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !AUDIT_HIDDEN_FIELDS.includes(k))
      .map(([k, v]) => `${AUDIT_FIELD_NAMES[k] ?? k}：${auditValue(k, v, timeZone)}`).join('；');
  }
  return String(value);
}

/**
 * Before/after as one row per field, in the order written, leaving out fields shown the same on
 * both sides. An update stores the whole record before and only the changes after: then the
 * fields the change did not touch are left out too.
 */
export function auditChanges(before: unknown, after: unknown, timeZone: string): AuditEntryResponse['changes'] {
  const asObject = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const b = asObject(before);
  const a = asObject(after);
  if (!b && !a) {
    if (before == null && after == null) return [];
    return [{ field: 'value', label: '内容', before: auditValue('value', before, timeZone), after: auditValue('value', after, timeZone) }];
  }
  const partial = !!a && !!b && Object.keys(a).some((k) => k in b);
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]
    .filter((f) => !AUDIT_HIDDEN_FIELDS.includes(f) && !(partial && !(f in a!)));
  return fields
    .map((field) => ({
      field,
      label: AUDIT_FIELD_NAMES[field] ?? field,
      before: b ? auditValue(field, b[field], timeZone) : '—',
      after: a ? auditValue(field, a[field], timeZone) : '—',
    }))
    .filter((row) => !(b && a && row.before === row.after));
}

export function toAuditResponse(entry: AuditEntry, subject: AuditSubject, actor: AuditActor | undefined, timeZone: string): AuditEntryResponse {
  return {
    id: entry.id,
    createdAt: entry.createdAt instanceof Date ? entry.createdAt.toISOString() : String(entry.createdAt),
    action: entry.action,
    actionName: (AUDIT_ACTION_NAMES as Record<string, string>)[entry.action] ?? entry.action,
    entity: entry.entity,
    entityName: (AUDIT_ENTITY_NAMES as Record<string, string>)[entry.entity] ?? entry.entity,
    entityId: entry.entityId,
    subject,
    actor: { userId: entry.userId, username: entry.username, name: actor?.name ?? entry.username, unitName: actor?.unitName ?? null },
    username: entry.username,
    userId: entry.userId,
    before: entry.before,
    after: entry.after,
    changes: auditChanges(entry.before, entry.after, timeZone),
    address: entry.address,
    userAgent: entry.userAgent,
  };
}
