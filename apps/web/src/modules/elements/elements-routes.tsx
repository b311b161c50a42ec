import { lazyPage } from '../../ui/lazy-page.ts';

/** The four-elements pages, loaded on demand; mounted under /elements by the 平台与人才 routes. */
export const IndustriesOverviewPage = lazyPage(
  () => import('./industries-overview-page.tsx'),
  'IndustriesOverviewPage',
);
export const IndustryPage = lazyPage(() => import('./industry-page.tsx'), 'IndustryPage');
