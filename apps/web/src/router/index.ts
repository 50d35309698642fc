import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@app/contracts';
import { setUnauthorizedHandler } from '@/api/http';
import { useSessionStore } from '@/stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** reachable without a session */
    public?: boolean;
    /** roles that may open it; absent = every logged-in user */
    roles?: Role[];
    /** i18n key under `menu.`, or a Chinese title */
    title?: string;
    /** the layout's full width without the side menu (login, 404 outside) */
    bare?: boolean;
    /** the list page a detail page belongs to, shown before it in the breadcrumbs */
    parent?: string;
  }
}

const unit: Role[] = ['officer', 'reviewer'];
const office: Role[] = ['office'];
/** reference data and system pages: the office keeps them, the administrator may too */
const keepers: Role[] = ['office', 'admin'];
const everyone: Role[] = ['officer', 'reviewer', 'office', 'leader', 'admin'];

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('@/pages/LoginPage.vue'), meta: { public: true, bare: true } },
  { path: '/password', component: () => import('@/pages/ChangePasswordPage.vue'), meta: { title: '修改密码' } },
  { path: '/', component: () => import('@/pages/HomePage.vue'), meta: { title: 'home' } },
  { path: '/articles', component: () => import('@/pages/articles/ArticlesPage.vue'), meta: { title: 'articles', roles: [...unit, ...office] } },
  { path: '/articles/new', component: () => import('@/pages/articles/ArticleEntryPage.vue'), meta: { title: 'newArticle', roles: ['officer'], parent: '/articles' } },
  { path: '/articles/import', component: () => import('@/pages/articles/ArticleImportPage.vue'), meta: { title: 'importArticles', roles: ['officer', ...office] } },
  { path: '/articles/:id(\\d+)', component: () => import('@/pages/articles/ArticleDetailPage.vue'), meta: { title: '稿件详情', roles: [...unit, ...office], parent: '/articles' } },
  { path: '/articles/:id(\\d+)/edit', component: () => import('@/pages/articles/ArticleEntryPage.vue'), meta: { title: '编辑稿件', roles: ['officer'], parent: '/articles' } },
  { path: '/review', component: () => import('@/pages/review/ReviewQueuePage.vue'), meta: { title: 'review', roles: ['reviewer'] } },
  { path: '/verify', component: () => import('@/pages/review/VerifyQueuePage.vue'), meta: { title: 'verify', roles: office } },
  { path: '/commissions/inbox', component: () => import('@/pages/commissions/CommissionInboxPage.vue'), meta: { title: 'inbox', roles: unit } },
  { path: '/commissions', component: () => import('@/pages/commissions/CommissionsPage.vue'), meta: { title: 'commissions', roles: office } },
  { path: '/commissions/:id(\\d+)', component: () => import('@/pages/commissions/CommissionDetailPage.vue'), meta: { title: '约稿详情', roles: office, parent: '/commissions' } },
  { path: '/items', component: () => import('@/pages/items/ItemsPage.vue'), meta: { title: 'items', roles: [...unit, ...office] } },
  { path: '/adjustments', component: () => import('@/pages/adjustments/AdjustmentsPage.vue'), meta: { title: 'adjustments', roles: [...unit, ...office] } },
  { path: '/monthly-report', component: () => import('@/pages/monthly/MonthlyReportPage.vue'), meta: { title: 'monthly', roles: unit } },
  { path: '/monthly-reports/compliance', component: () => import('@/pages/monthly/CompliancePage.vue'), meta: { title: 'compliance', roles: office } },
  { path: '/scores', component: () => import('@/pages/scores/StatementPage.vue'), meta: { title: 'myScore', roles: [...unit, 'office', 'leader'] } },
  { path: '/schemes', component: () => import('@/pages/schemes/SchemesPage.vue'), meta: { title: 'schemes', roles: office } },
  { path: '/schemes/:id(\\d+)', component: () => import('@/pages/schemes/SchemeEditorPage.vue'), meta: { title: '编辑计分办法', roles: office, parent: '/schemes' } },
  { path: '/quarters', component: () => import('@/pages/quarters/QuartersPage.vue'), meta: { title: 'quarters', roles: office } },
  { path: '/quarters/:quarter(\\d{4}-Q[1-4])', component: () => import('@/pages/quarters/QuarterPage.vue'), meta: { title: '季度复核与发布', roles: office, parent: '/quarters' } },
  { path: '/notices', component: () => import('@/pages/notices/NoticesPage.vue'), meta: { title: 'notices', roles: everyone } },
  { path: '/notices/:id(\\d+)', component: () => import('@/pages/notices/NoticePage.vue'), meta: { title: '通报正文', roles: everyone, parent: '/notices' } },
  { path: '/rankings', component: () => import('@/pages/rankings/RankingsPage.vue'), meta: { title: 'rankings', roles: ['leader', ...office] } },
  { path: '/units', component: () => import('@/pages/reference/UnitsPage.vue'), meta: { title: 'units', roles: keepers } },
  { path: '/ranking-groups', component: () => import('@/pages/reference/RankingGroupsPage.vue'), meta: { title: 'groups', roles: keepers } },
  { path: '/outlets', component: () => import('@/pages/reference/OutletsPage.vue'), meta: { title: 'outlets', roles: keepers } },
  { path: '/users', component: () => import('@/pages/system/UsersPage.vue'), meta: { title: 'users', roles: ['admin', 'secadmin'] } },
  { path: '/office-settings', component: () => import('@/pages/system/OfficeSettingsPage.vue'), meta: { title: 'officeSettings', roles: keepers } },
  { path: '/jobs', component: () => import('@/pages/system/JobsPage.vue'), meta: { title: 'jobs', roles: keepers } },
  { path: '/audit', component: () => import('@/pages/system/AuditPage.vue'), meta: { title: 'audit', roles: [...keepers, 'auditor'] } },
  { path: '/:pathMatch(.*)*', component: () => import('@/pages/NotFoundPage.vue'), meta: { title: '页面不存在', roles: everyone } },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  if (!session.loaded) await session.load();
  if (to.meta.public) return session.user && to.path === '/login' ? '/' : true;
  if (!session.user) return { path: '/login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} };
  if (session.user.mustChangePassword && to.path !== '/password') return '/password';
  if (to.meta.roles && !to.meta.roles.includes(session.user.role)) return '/';
  return true;
});

setUnauthorizedHandler(() => {
  const session = useSessionStore();
  if (!session.user) return;
  session.expire();
  const here = router.currentRoute.value;
  if (!here.meta.public) void router.replace({ path: '/login', query: { redirect: here.fullPath } });
});
