import { lazyPage } from '../../ui/lazy-page.ts';

/** The inbox page, loaded on first visit (mounted by the app's router at /notifications). */
export const InboxRoute = lazyPage(() => import('./inbox-page.tsx'), 'InboxPage');
