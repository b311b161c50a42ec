import { lazyPage } from '../../ui/lazy-page.ts';

/** The talent pages, loaded on demand; mounted under /talents by the 平台与人才 routes. */
export const TalentsPage = lazyPage(() => import('./talents-page.tsx'), 'TalentsPage');
export const TalentPage = lazyPage(() => import('./talent-page.tsx'), 'TalentPage');
export const TalentCataloguePage = lazyPage(() => import('./catalogue-page.tsx'), 'TalentCataloguePage');
