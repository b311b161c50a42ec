import { type ComponentType, lazy } from 'react';

/** The inbox page, loaded on first visit (mounted by the app's router at /notifications). */
export const InboxRoute = lazy(async () => ({
  default: (await import('./inbox-page.tsx')).InboxPage as ComponentType,
}));
