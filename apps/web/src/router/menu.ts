import type { Role } from '@app/contracts';

export interface MenuItem {
  /** i18n key under `menu.` */
  key: string;
  path?: string;
  icon?: string;
  roles: Role[];
  children?: MenuItem[];
}

const unit: Role[] = ['officer', 'reviewer'];
const office: Role[] = ['office'];
/** reference data and system pages: the office keeps them, the administrator may too */
const keepers: Role[] = ['office', 'admin'];

/** The side menu: each role sees only what it works in (DESIGN.md, "People and what they do"). */
export const MENU: MenuItem[] = [
  { key: 'home', path: '/', icon: 'HomeFilled', roles: ['officer', 'reviewer', 'office', 'leader', 'admin', 'secadmin', 'auditor'] },
  {
    key: 'recording', icon: 'EditPen', roles: ['officer'], children: [
      { key: 'newArticle', path: '/articles/new', roles: ['officer'] },
      { key: 'articles', path: '/articles', roles: ['officer'] },
      { key: 'importArticles', path: '/articles/import', roles: ['officer'] },
    ],
  },
  { key: 'review', path: '/review', icon: 'Stamp', roles: ['reviewer'] },
  { key: 'articles', path: '/articles', icon: 'Document', roles: ['reviewer'] },
  { key: 'verify', path: '/verify', icon: 'Checked', roles: office },
  { key: 'allArticles', path: '/articles', icon: 'Document', roles: office },
  { key: 'inbox', path: '/commissions/inbox', icon: 'Message', roles: unit },
  { key: 'monthly', path: '/monthly-report', icon: 'Calendar', roles: unit },
  { key: 'items', path: '/items', icon: 'Medal', roles: [...unit, ...office] },
  { key: 'adjustments', path: '/adjustments', icon: 'Coin', roles: [...unit, ...office] },
  { key: 'myScore', path: '/scores', icon: 'Trophy', roles: unit },
  { key: 'commissions', path: '/commissions', icon: 'Message', roles: office },
  { key: 'compliance', path: '/monthly-reports/compliance', icon: 'Calendar', roles: office },
  {
    key: 'scoring', icon: 'DataAnalysis', roles: office, children: [
      { key: 'schemes', path: '/schemes', roles: office },
      { key: 'quarters', path: '/quarters', roles: office },
    ],
  },
  { key: 'notices', path: '/notices', icon: 'Reading', roles: ['leader', 'office', 'officer', 'reviewer'] },
  { key: 'rankings', path: '/rankings', icon: 'TrendCharts', roles: ['leader', 'office'] },
  {
    key: 'reference', icon: 'OfficeBuilding', roles: keepers, children: [
      { key: 'units', path: '/units', roles: keepers },
      { key: 'groups', path: '/ranking-groups', roles: keepers },
      { key: 'outlets', path: '/outlets', roles: keepers },
    ],
  },
  {
    key: 'system', icon: 'Setting', roles: [...keepers, 'secadmin', 'auditor'], children: [
      { key: 'users', path: '/users', roles: ['admin', 'secadmin'] },
      { key: 'officeSettings', path: '/office-settings', roles: keepers },
      { key: 'jobs', path: '/jobs', roles: keepers },
      { key: 'audit', path: '/audit', roles: [...keepers, 'auditor'] },
    ],
  },
];

/** The menu as one role sees it: items and groups it may not open are left out. */
export function menuFor(role: Role): MenuItem[] {
  return MENU.filter((item) => item.roles.includes(role))
    .map((item) => (item.children ? { ...item, children: item.children.filter((c) => c.roles.includes(role)) } : item))
    .filter((item) => !item.children || item.children.length > 0);
}
