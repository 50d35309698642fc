/** Chinese names of the engine's rule ids and record types, for statements and exports. */
export const RULE_LABELS: Record<string, string> = {
  placement: '刊发采用',
  'placement.top-up': '就高补差',
  instruction: '领导批示',
  'commission.fulfilled': '约稿完成',
  'commission.missed': '约稿未完成',
  'monthly-report.late': '月报逾期',
  'monthly-report.missing': '月报未报',
  cap: '超上限扣减',
  floor: '保底补足',
};

export const RECORD_TYPE_LABELS: Record<string, string> = {
  placement: '录用',
  instruction: '批示',
  commission: '约稿',
  'monthly-report': '月度报告',
  unit: '单位季度合计',
};
