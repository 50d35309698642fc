import type { Role } from '@app/contracts';
import { jobsApi, outletsApi, usersApi } from '@/api/reference';
import { articlesApi, commissionsApi, monthlyApi, reviewApi } from '@/api/recording';
import { previousMonth, today } from '@/utils/format';

export interface Todo {
  key: string;
  title: string;
  /** what the number means and what to do about it */
  hint: string;
  to: string;
  tone: 'danger' | 'warning' | 'primary' | 'info';
  count: () => Promise<number | string>;
}

const totalOf = async (p: Promise<{ total: number }>) => (await p).total;

/** What needs the attention of each role, counted from the lists that already exist. */
export function todosFor(role: Role): Todo[] {
  const returned: Todo = { key: 'returned', title: '被退回的稿件', hint: '按退回原因修改后重新提交', to: '/articles?status=returned', tone: 'danger', count: () => totalOf(articlesApi.list({ status: 'returned', pageSize: 1 })) };
  const drafts: Todo = { key: 'drafts', title: '未提交的草稿', hint: '检查无误后提交单位审核', to: '/articles?status=draft', tone: 'warning', count: () => totalOf(articlesApi.list({ status: 'draft', pageSize: 1 })) };
  const openCommissions: Todo = { key: 'commissions', title: '待完成的约稿', hint: '在截止日期前报送稿件并关联约稿', to: '/commissions/inbox', tone: 'primary', count: () => totalOf(commissionsApi.list({ open: true, pageSize: 1 })) };
  const monthly: Todo = { key: 'monthly', title: `${previousMonth()} 月报`, hint: '每月初报送上月情况，逾期会扣分', to: '/monthly-report', tone: 'info', count: async () => ((await monthlyApi.draft(previousMonth())).filedAt ? '已报送' : '未报送') };
  const failedJobs: Todo = { key: 'jobs', title: '失败的后台任务', hint: '查看失败原因，修正后重新导入或发布', to: '/jobs?status=failed', tone: 'danger', count: () => totalOf(jobsApi.list({ status: 'failed', pageSize: 1 })) };
  switch (role) {
    case 'officer':
      return [returned, drafts, openCommissions, monthly];
    case 'reviewer':
      return [
        { key: 'review', title: '待单位审核', hint: '审核本单位信息员提交的稿件和录用', to: '/review', tone: 'warning', count: () => totalOf(reviewApi.queue({ pageSize: 1 })) },
        returned, openCommissions, monthly,
      ];
    case 'office':
      return [
        { key: 'verify', title: '待核定', hint: '对照佐证材料核定各单位报送的录用', to: '/verify', tone: 'warning', count: () => totalOf(reviewApi.queue({ pageSize: 1 })) },
        { key: 'overdue', title: '已过截止日期的约稿', hint: '查看各单位完成情况', to: '/commissions', tone: 'info', count: () => totalOf(commissionsApi.list({ to: today(), pageSize: 1 })) },
        failedJobs,
        { key: 'outlets', title: '媒体刊物目录', hint: '核对名称和别名，导入本地媒体', to: '/outlets', tone: 'info', count: () => totalOf(outletsApi.list({ pageSize: 1 })) },
      ];
    case 'admin':
      return [
        { key: 'users', title: '用户账号', hint: '新增信息员、审核人，重置密码', to: '/users', tone: 'primary', count: () => totalOf(usersApi.list({ pageSize: 1 })) },
        failedJobs,
      ];
    case 'leader':
      return [];
  }
}
