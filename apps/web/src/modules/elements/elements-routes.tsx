import { type ComponentType, lazy } from 'react';

function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** The four-elements pages, loaded on demand; mounted under /elements by the 平台与人才 routes. */
export const IndustriesOverviewPage = lazyPage(
  () => import('./industries-overview-page.tsx'),
  'IndustriesOverviewPage',
);
export const IndustryPage = lazyPage(() => import('./industry-page.tsx'), 'IndustryPage');
