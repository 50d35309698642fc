/**
 * Vocabulary shared by the server and the web app (shared/DESIGN.md, glossary).
 * Plain constants and types only: this lib must not import anything server-side.
 */
export const ROLES = ['officer', 'reviewer', 'office', 'leader', 'admin', 'secadmin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  officer: '信息员',
  reviewer: '单位审核人',
  office: '办公室',
  leader: '领导',
  admin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员',
};

/**
 * Roles that exist only with separation of duties (三员分立, SEPARATION_OF_DUTIES): the
 * security administrator (roles, unlocks) and the auditor (reads the audit log, nothing else).
 * They do no business work: routes open to "any role" are not open to them.
 */
export const DUTY_ROLES: readonly Role[] = ['secadmin', 'auditor'];

/** The roles that work with the records (everyone but the duty roles). */
export const BUSINESS_ROLES: readonly Role[] = ROLES.filter((r) => !DUTY_ROLES.includes(r));

/** Roles bound to one unit: they only ever see that unit's records. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['officer', 'reviewer'];

export const LEVELS = ['central', 'provincial', 'municipal', 'district'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = {
  central: '中央级',
  provincial: '省级',
  municipal: '市级',
  district: '区级',
};

export const CHANNELS = ['media', 'bulletin'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { media: '宣传（媒体）', bulletin: '信息（刊物采用）' };

export const MEDIA = ['newspaper', 'tv', 'radio', 'web', 'new-media', 'app', 'bulletin'] as const;
export type Medium = (typeof MEDIA)[number];
export const MEDIUM_LABELS: Record<Medium, string> = {
  newspaper: '报纸',
  tv: '电视',
  radio: '广播',
  web: '网站',
  'new-media': '新媒体',
  app: '客户端',
  bulletin: '内部刊物',
};

export const PROMINENCES = ['headline', 'front', 'normal'] as const;
export type Prominence = (typeof PROMINENCES)[number];
export const PROMINENCE_LABELS: Record<Prominence, string> = { headline: '头条', front: '头版', normal: '一般' };

/** 采用形式: how an outlet used the article — in full, excerpted, or merged with others (综合). */
export const PLACEMENT_FORMS = ['full', 'excerpt', 'combined'] as const;
export type PlacementForm = (typeof PLACEMENT_FORMS)[number];
export const PLACEMENT_FORM_LABELS: Record<PlacementForm, string> = { full: '全文', excerpt: '摘编', combined: '综合' };

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const QUEUE_MODES = ['inline', 'bull'] as const;
export type QueueMode = (typeof QUEUE_MODES)[number];

/** Review states of an entry (article, placement, instruction): 三级负责制. */
export const ENTRY_STATUSES = ['draft', 'submitted', 'unit-approved', 'verified', 'returned', 'rejected'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  draft: '草稿',
  submitted: '待单位审核',
  'unit-approved': '待办公室核定',
  verified: '已核定',
  returned: '已退回',
  rejected: '不予采用',
};

/** 加减分: recorded by one office user, approved or rejected by another. */
export const ADJUSTMENT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];
export const ADJUSTMENT_STATUS_LABELS: Record<AdjustmentStatus, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回' };

/** Background jobs by name, as people call them (the jobs page, progress bars, the home card). */
export const JOB_NAME_LABELS = {
  'outlets.import': '导入媒体刊物',
  'articles.import': '导入稿件',
  'scores.recompute': '重算得分',
  'reminders.send': '发送报送提醒',
  'quarters.publish': '发布季度排名',
  'notices.render': '生成通报文件',
  'quarters.tick': '季度每日检查',
} as const satisfies Record<string, string>;
export const JOB_STATUS_LABELS: Record<JobStatus, string> = { queued: '排队中', running: '进行中', done: '已完成', failed: '失败' };

/** A unit's monthly report against its due date. */
export const MONTHLY_REPORT_STATUS_LABELS = { 'on-time': '按时报送', late: '逾期报送', missing: '未报送', pending: '待报送' } as const;

/** Guards of closing and publishing a quarter that the office may override with a stated reason. */
export const QUARTER_GUARDS = ['dispute_window_open', 'disputes_unanswered', 'quarter_not_ended'] as const;
export type QuarterGuard = (typeof QUARTER_GUARDS)[number];

/** A guard of close or publish the office overrode, with the reason it gave (shown on the quarter page). */
export interface GuardOverride {
  action: 'close' | 'publish';
  guards: QuarterGuard[];
  reason: string;
  userId: number;
  userName: string;
  /** ISO timestamp */
  at: string;
}

/** How the office received something it records on a unit's behalf. */
export const RECEIVED_VIA = ['email', 'paper', 'phone', 'fax', 'other'] as const;
export type ReceivedVia = (typeof RECEIVED_VIA)[number];
export const RECEIVED_VIA_LABELS: Record<ReceivedVia, string> = { email: '电子邮件', paper: '纸质', phone: '电话', fax: '传真', other: '其他' };

/** What the office recorded on a unit's behalf, and how it came in (null on what units entered themselves). */
export interface OfficeRecordedMark {
  receivedVia: ReceivedVia | null;
  receivedNote: string | null;
}

/** What stands in for the title of another unit's similar article (GET /api/articles/similar). */
export const OTHER_UNIT_SIMILAR_TITLE = '其他单位的相似稿件';
