import type { EntryStatus, Role } from '@app/contracts';
import type { ReviewAction } from './dto/review.dto';

/**
 * 三级负责制 as data: who may move an entry from which states to which. The reviewer acts for
 * the article's owning unit; the office verifies, returns or rejects; a verified entry is
 * locked until the office reopens it (audited).
 */
export const TRANSITIONS: Record<ReviewAction, { roles: Role[]; from: EntryStatus[]; to: EntryStatus; reasonRequired: boolean; label: string }> = {
  submit: { roles: ['officer'], from: ['draft', 'returned'], to: 'submitted', reasonRequired: false, label: '提交' },
  approve: { roles: ['reviewer'], from: ['submitted'], to: 'unit-approved', reasonRequired: false, label: '单位审核通过' },
  return: { roles: ['reviewer', 'office'], from: ['submitted', 'unit-approved'], to: 'returned', reasonRequired: true, label: '退回' },
  verify: { roles: ['office'], from: ['unit-approved'], to: 'verified', reasonRequired: false, label: '核定' },
  reject: { roles: ['office'], from: ['submitted', 'unit-approved'], to: 'rejected', reasonRequired: true, label: '不予采用' },
  reopen: { roles: ['office'], from: ['verified', 'rejected'], to: 'unit-approved', reasonRequired: true, label: '撤销核定' },
};

/** A reviewer may only return what is still at unit level; the office what reached it or is submitted. */
export function fromStatesFor(action: ReviewAction, role: Role): EntryStatus[] {
  if (action === 'return' && role === 'reviewer') return ['submitted'];
  return TRANSITIONS[action].from;
}

/**
 * A child entry (placement, instruction) cannot get ahead of its article: it is submitted,
 * approved or verified together with the article or after it.
 */
export const PARENT_AT_LEAST: Partial<Record<ReviewAction, EntryStatus[]>> = {
  submit: ['submitted', 'unit-approved', 'verified'],
  approve: ['unit-approved', 'verified'],
  verify: ['verified'],
};
