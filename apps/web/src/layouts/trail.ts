import type { Role } from '@app/contracts';
import { quarterLabel } from '@app/contracts';
import type { RouteLocationNormalizedLoaded, Router } from 'vue-router';
import { menuFor } from '@/router/menu';

export interface Crumb {
  label: string;
  /** absent for the current page and for menu groups (they have no page of their own) */
  to?: string;
}

type Translate = (key: string) => string;

/** A route's title: an i18n key under `menu.` or the Chinese text itself. */
export function titleOf(key: string | undefined, t: Translate, has: (key: string) => boolean): string {
  if (!key) return '';
  return has(`menu.${key}`) ? t(`menu.${key}`) : key;
}

/**
 * Where one is: 首页 › the menu group › the list page › this page. The group is the side-menu
 * group the page (or its list page) sits in for this role; a detail page names what it shows
 * when the address says it (a quarter).
 */
export function trailOf(route: RouteLocationNormalizedLoaded, router: Router, role: Role | null, t: Translate, has: (key: string) => boolean): Crumb[] {
  const crumbs: Crumb[] = [];
  if (route.path !== '/') crumbs.push({ label: titleOf('home', t, has), to: '/' });
  const parent = route.meta.parent;
  const anchor = parent ?? route.path;
  for (const item of role ? menuFor(role) : []) {
    if (item.children?.some((c) => c.path === anchor)) crumbs.push({ label: t(`menu.${item.key}`) });
  }
  if (parent) {
    const list = router.resolve(parent);
    crumbs.push({ label: titleOf(list.meta.title, t, has), to: parent });
  }
  const title = titleOf(route.meta.title, t, has);
  const quarter = typeof route.params.quarter === 'string' ? quarterLabel(route.params.quarter) : '';
  crumbs.push({ label: quarter ? `${quarter}${title}` : title });
  return crumbs;
}
