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
  // Scheme format 2 (issue #12); a converted format-1 scheme keeps the ids above.
  start: '基础分',
  bonus: '加分条款',
  'commission.on-time': '约稿按时完成',
  'commission.late': '约稿逾期完成',
  item: '事项',
  adjustment: '加减分',
  target: '任务',
  rate: '比率',
  'deductions.floor': '扣分下限',
  'bonuses.channel-cap': '渠道加分上限',
  'bonuses.cap': '加分上限',
  'net.cap': '总分上限',
  'net.floor': '总分下限',
};

export const RECORD_TYPE_LABELS: Record<string, string> = {
  placement: '录用',
  instruction: '批示',
  commission: '约稿',
  'monthly-report': '月度报告',
  unit: '单位季度合计',
  item: '事项',
  adjustment: '加减分',
};
