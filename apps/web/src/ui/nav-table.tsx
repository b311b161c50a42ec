import type { MenuProps } from 'antd';
import { createContext, isValidElement, type ReactNode, useContext } from 'react';

export type NavItem = NonNullable<MenuProps['items']>[number];

/** One screen of the side menu: its menu key, its path, its name and the menu group it sits in. */
export type NavEntry = { key: string; to: string; label: string; group: string | null };

type LinkProps = { to?: unknown; children?: ReactNode };

/**
 * The routing table, read from the menu the modules declare (each leaf's label is a `<Link to>`):
 * one table drives the menu's highlight, the default breadcrumb of a list page, the way back from
 * a record to the list it was opened from, and the document title.
 */
export function navEntriesOf(items: readonly NavItem[], group: string | null = null): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of items) {
    if (!item || !('key' in item)) continue;
    const label = 'label' in item ? item.label : null;
    if ('children' in item && Array.isArray(item.children)) {
      entries.push(...navEntriesOf(item.children, typeof label === 'string' ? label : group));
      continue;
    }
    if (!isValidElement<LinkProps>(label) || typeof label.props.to !== 'string') continue;
    const text = label.props.children;
    entries.push({
      key: String(item.key),
      to: label.props.to,
      label: typeof text === 'string' ? text : '',
      group,
    });
  }
  return entries;
}

/** The entry a path belongs to: the longest menu path it starts with (`/` only for itself). */
export function entryOf(entries: readonly NavEntry[], pathname: string): NavEntry | undefined {
  let best: NavEntry | undefined;
  for (const e of entries) {
    const isUnder = e.to === '/' ? pathname === '/' : pathname === e.to || pathname.startsWith(`${e.to}/`);
    if (isUnder && (!best || e.to.length > best.to.length)) best = e;
  }
  return best;
}

const LISTS_KEY = 'gaodi_last_lists';
const sectionOf = (path: string) => path.split(/[/?]/)[1] ?? '';

function lastLists(): Record<string, { path: string; label: string }> {
  try {
    return JSON.parse(sessionStorage.getItem(LISTS_KEY) ?? '{}');
  } catch {
    return {};
  }
}

/** Called on every navigation: a menu screen (with its filters) becomes its section's way back. */
export function rememberList(entries: readonly NavEntry[], pathname: string, search: string) {
  const entry = entryOf(entries, pathname);
  if (!entry || entry.to !== pathname || entry.to === '/') return;
  const lists = {
    ...lastLists(),
    [sectionOf(pathname)]: { path: `${pathname}${search}`, label: entry.label },
  };
  sessionStorage.setItem(LISTS_KEY, JSON.stringify(lists));
}

/**
 * Where a record's breadcrumb and back arrow lead: the list of the same section the user came
 * from (招引台账 with its filters, 我的工作, 招引看板), else the page's own default.
 */
export function returnTo(entries: readonly NavEntry[], to: string, title: string) {
  const last = lastLists()[sectionOf(to)];
  const entry = entryOf(entries, to.split('?')[0] ?? to);
  if (!last || !entry || entry.to !== (to.split('?')[0] ?? to)) return { to, title };
  return { to: last.path, title: last.label || title };
}

/**
 * The menu entry to highlight: a menu screen highlights itself; a record highlights the list of
 * its section it was opened from (招引台账 or 我的工作, not always the section's first screen),
 * the same list its breadcrumb and back arrow lead to.
 */
export function highlightOf(entries: readonly NavEntry[], pathname: string): NavEntry | undefined {
  const entry = entryOf(entries, pathname);
  if (!entry || entry.to === pathname) return entry;
  const last = lastLists()[sectionOf(pathname)];
  const lastPath = last?.path.split('?')[0];
  return entries.find((e) => e.to === lastPath && entryOf(entries, e.to) === e) ?? entry;
}

export const NavTableContext = createContext<readonly NavEntry[]>([]);

export function useNavTable(): readonly NavEntry[] {
  return useContext(NavTableContext);
}
