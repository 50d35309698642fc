import type { Role } from '@app/contracts';
import { auditApi, jobsApi, usersApi } from '@/api/reference';
import { noticesApi, quartersApi } from '@/api/publication';
import { adjustmentsApi, articlesApi, commissionsApi, monthlyApi, reviewApi } from '@/api/recording';
import { previousMonth } from '@/utils/format';

export interface Todo {
  key: string;
  title: string;
  /** what the number means and what to do about it */
  hint: string;
  to: string;
  tone: 'danger' | 'warning' | 'primary' | 'info';
  count: () => Promise<number | string>;
}

const MONTH_STATUS: Record<string, string> = { 'on-time': '已按时报送', late: '已报送（逾期）', missing: '未报送（已逾期）', pending: '待报送' };
const totalOf = async (p: Promise<{ total: number }>) => (await p).total;

/** What needs the attention of each role, counted from the lists that already exist. */
export function todosFor(role: Role): Todo[] {
  const returned: Todo = { key: 'returned', title: '被退回的稿件', hint: '按退回原因修改后重新提交', to: '/articles?status=returned', tone: 'danger', count: () => totalOf(articlesApi.list({ status: 'returned', pageSize: 1 })) };
  const drafts: Todo = { key: 'drafts', title: '未提交的草稿', hint: '检查无误后提交单位审核', to: '/articles?status=draft', tone: 'warning', count: () => totalOf(articlesApi.list({ status: 'draft', pageSize: 1 })) };
  const openCommissions: Todo = { key: 'commissions', title: '待完成的约稿', hint: '在截止日期前报送稿件并关联约稿', to: '/commissions/inbox', tone: 'primary', count: () => totalOf(commissionsApi.inbox({ status: 'open', answered: false, pageSize: 1 })) };
  const monthly: Todo = { key: 'monthly', title: `${previousMonth()} 月报`, hint: '每月初报送上月情况，逾期会扣分', to: '/monthly-report', tone: 'info', count: async () => MONTH_STATUS[(await monthlyApi.get(previousMonth())).status] };
  const failedJobs: Todo = { key: 'jobs', title: '失败的后台任务', hint: '查看失败原因，修正后重新导入或发布', to: '/jobs?status=failed', tone: 'danger', count: () => totalOf(jobsApi.list({ status: 'failed', pageSize: 1 })) };
  const notices: Todo = { key: 'notices', title: '未读的季度通报', hint: '查看本季度排名和各单位录用情况', to: '/notices', tone: 'primary', count: async () => (await noticesApi.list()).filter((n) => !n.read).length };
  switch (role) {
    case 'officer':
      return [returned, drafts, openCommissions, monthly, notices];
    case 'reviewer':
      return [
        { key: 'review', title: '待单位审核的稿件', hint: '审核本单位信息员提交的稿件和录用', to: '/review', tone: 'warning', count: () => totalOf(reviewApi.queue({ type: 'articles', pageSize: 1 })) },
        { key: 'review-items', title: '待单位审核的事项', hint: '审核本单位登记的会议发言、网评文章等事项', to: '/review?type=items', tone: 'warning', count: () => totalOf(reviewApi.queue({ type: 'items', pageSize: 1 })) },
        returned, openCommissions, monthly, notices,
      ];
    case 'office':
      return [
        { key: 'verify', title: '待核定的稿件', hint: '对照证明材料核定各单位报送的稿件和录用', to: '/verify', tone: 'warning', count: () => totalOf(reviewApi.queue({ type: 'articles', pageSize: 1 })) },
        { key: 'verify-items', title: '待核定的事项', hint: '对照证明材料核定各单位登记的事项', to: '/verify?type=items', tone: 'warning', count: () => totalOf(reviewApi.queue({ type: 'items', pageSize: 1 })) },
        { key: 'adjustments', title: '待我审批的加减分', hint: '其他办公室人员录入的加减分，须由另一人审批后才计分', to: '/adjustments?status=pending', tone: 'warning', count: () => totalOf(adjustmentsApi.list({ status: 'pending', awaitingMe: true, pageSize: 1 })) },
        { key: 'open', title: '进行中的约稿', hint: '查看各单位完成情况', to: '/commissions?status=open', tone: 'primary', count: () => totalOf(commissionsApi.list({ status: 'open', pageSize: 1 })) },
        { key: 'compliance', title: `${previousMonth()} 未报月报单位`, hint: '提醒逾期单位尽快报送', to: '/monthly-reports/compliance', tone: 'info', count: async () => (await monthlyApi.compliance(previousMonth())).summary.missing },
        failedJobs,
        { key: 'quarters', title: '待发布的季度', hint: '复核、关闭并发布季度排名和通报', to: '/quarters', tone: 'info', count: async () => (await quartersApi.list()).filter((q) => q.stage === 'review' || q.stage === 'closed').length },
      ];
    case 'admin':
      return [
        { key: 'users', title: '用户账号', hint: '新增信息员、审核人，重置密码', to: '/users', tone: 'primary', count: () => totalOf(usersApi.list({ pageSize: 1 })) },
        failedJobs,
      ];
    case 'secadmin':
      return [{ key: 'users', title: '用户账号', hint: '分配角色，解除登录限制', to: '/users', tone: 'primary', count: () => totalOf(usersApi.list({ pageSize: 1 })) }];
    case 'auditor':
      return [{ key: 'audit', title: '审计日志', hint: '登录、权限变更、数据导出等安全事件', to: '/audit', tone: 'info', count: () => totalOf(auditApi.list({ pageSize: 1 })) }];
    case 'leader':
      return [notices, { key: 'rankings', title: '已发布的季度排名', hint: '排名表、各层级录用和趋势图', to: '/rankings', tone: 'info', count: async () => (await quartersApi.list()).filter((q) => q.stage === 'published').length }];
  }
}
