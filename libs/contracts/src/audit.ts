/**
 * The audit log's one catalogue: the Chinese name of every action and object type the server
 * writes, and of the fields shown in an entry's before/after table. The server types its
 * audit calls with these keys (a new code without a name does not compile) and a unit spec
 * walks every call site, so the log never shows a raw code.
 */
import { ENTRY_STATUSES } from './enums';

export const AUDIT_ACTION_NAMES = {
  create: '新增',
  update: '修改',
  delete: '删除',
  deactivate: '停用',
  import: '导入',
  export: '导出',
  answer: '答复',
  approve: '批准',
  reject: '驳回',
  merge: '合并重复稿件',
  'mark-distinct': '标记为不同稿件',
  link_commission: '关联约稿',
  'attach-evidence': '上传佐证材料',
  'remove-evidence': '删除佐证材料',
  login: '登录',
  'login-failed': '登录失败',
  'login-throttled': '登录受限',
  logout: '退出登录',
  password: '修改密码',
  'reset-password': '重置密码',
  role: '变更角色',
  disable: '停用账号',
  enable: '启用账号',
  unlock: '解除登录限制',
  'session-end': '结束会话',
  'session-end-others': '结束其他会话',
  'quarter:review': '进入季度复核',
  'quarter:close': '季度关账',
  'quarter:reopen': '重新打开季度',
  'quarter:publish': '发布季度通报',
  /** the office records a unit's report, submission or answer with its real time (issue #14) */
  'office-record': '办公室代为登记',
  'status:draft': '退回草稿',
  'status:submitted': '提交审核',
  'status:unit-approved': '单位审核通过',
  'status:verified': '办公室核定',
  'status:returned': '退回修改',
  'status:rejected': '不予采用',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_NAMES;

/** Status moves are written as `status:<to>`; every review status has its name above. */
export const STATUS_ACTIONS: readonly AuditAction[] = ENTRY_STATUSES.map((s) => `status:${s}` as const);

export const AUDIT_ENTITY_NAMES = {
  article: '稿件',
  articles: '稿件导出',
  'article-import': '稿件导入',
  'import-report': '导入检查结果',
  placement: '录用记录',
  instruction: '批示记录',
  item: '事项记录',
  adjustment: '加减分',
  commission: '约稿',
  commission_target: '约稿任务',
  monthly_report: '月度报送',
  unit: '单位',
  rankingGroup: '排名分组',
  outlet: '媒体刊物',
  'outlet-import': '媒体刊物导入',
  user: '用户',
  session: '会话',
  office: '组织部办公室',
  scheme_version: '计分办法版本',
  quarter: '季度',
  'notice-texts': '通报文字',
  notice: '通报',
  dispute: '异议',
  statement: '得分明细',
  audit: '审计日志',
  'monthly-compliance': '月报情况',
  rankings: '排名',
  'year-ranking': '年度汇总',
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITY_NAMES;

/** Field names of the before/after table; a field not listed shows its code. */
export const AUDIT_FIELD_NAMES: Record<string, string> = {
  id: '编号', version: '版本号', createdAt: '创建时间', updatedAt: '修改时间', officeId: '办公室',
  title: '标题', name: '名称', shortName: '简称', code: '代码', aliases: '别名', active: '启用', sortOrder: '排序',
  unitId: '单位', unitIds: '单位', units: '单位', targetUnitIds: '约稿单位', rankingGroupId: '排名分组', groupId: '排名分组',
  status: '状态', stage: '阶段', action: '动作', reason: '理由', note: '备注', answer: '答复', notes: '备注',
  wordCount: '字数', genre: '体裁', authors: '作者', submittedDate: '报送日期', externalKey: '外部编号',
  outletId: '媒体刊物', outletName: '媒体刊物', publishedDate: '刊发日期', page: '版面', prominence: '位置', url: '链接', form: '采用形式', views: '阅读量',
  level: '级别', channel: '类别', medium: '媒介', issuer: '批示人', issuerCategory: '批示人类别', instructedDate: '批示日期', content: '内容',
  kind: '事项类别', itemKind: '事项类别', date: '日期', points: '分值', amount: '分值', quarter: '季度', approvedBy: '审批人', approvedAt: '审批时间',
  deadline: '截止日期', dueDate: '截止日期', topic: '主题', requirement: '要求', commissionId: '约稿', answeredAt: '答复时间', answeredBy: '答复人', articleId: '稿件',
  month: '月份', filedAt: '报送时间', submittedAt: '提交时间',
  username: '用户名', displayName: '姓名', role: '角色', mustChangePassword: '须修改密码', lastLoginAt: '上次登录', email: '电子邮箱', cleared: '已清除的限制', heldUntil: '受限至', ended: '结束的会话数',
  schemeId: '计分办法', label: '版本名称', effectiveFrom: '生效季度', effectiveTo: '失效季度', yaml: '计分规则', description: '说明',
  disputeUntil: '异议截止', excluded: '排除的未核定记录', jobId: '任务编号', revision: '修订版次', format: '格式', override: '强制操作', overrides: '强制操作',
  backfill: '补录', history: '历史数据', scoreLineId: '得分明细行', evidenceId: '佐证材料', fileName: '文件名', sha256: '校验值',
  otherId: '另一稿件', mergedArticle: '并入的稿件', mergedId: '并入稿件编号', created: '新增数', updated: '更新数', problems: '问题数', asStatus: '导入为',
  query: '查询条件', receivedVia: '收到方式', recordedBy: '录入人', opening: '开头', closing: '结尾', remarks: '说明',
  summary: '摘要', ownerUnitId: '录入单位', leaderTitle: '批示领导', itemDate: '事项日期', decisionNote: '审批意见', createdBy: '录入人',
  issuedDate: '下发日期', filedDate: '报送日期', articlesSubmitted: '报送稿件数', placementsAdopted: '录用篇次', narrative: '工作情况', filedBy: '报送人',
  versionNo: '版本号', document: '计分规则', lockedAt: '锁定时间', publishedAt: '发布时间', shares: '转发量', placeholder: '占位名称',
  reviewNote: '审核意见', verifiedBy: '核定人', verifiedAt: '核定时间', leader: '批示领导', publishedBy: '发布人',
  receivedNote: '收到情况说明', guards: '拦截原因', userName: '操作人', at: '时间', message: '说明',
  contactName: '联系人', contactPhone: '联系电话', group: '排名分组', unit: '单位', article: '稿件', outlet: '媒体刊物',
  settings: '业务设置', monthlyReportDueDay: '月报截止日', quarterDisputeDays: '异议期天数', placementEarlyMarginDays: '刊发日期提前提醒天数',
};

/** Fields left out of the before/after table: bookkeeping nobody reads there. */
export const AUDIT_HIDDEN_FIELDS: readonly string[] = ['officeId', 'normalizedTitle', 'passwordHash', 'tokenVersion'];
