/**
 * Innovation platforms (创新平台, domain `innovation`; not to be confused with `src/platform/`,
 * the cross-cutting code): kinds, level, the 1+4+N tier, partners with roles, yearly evidence of
 * physical operation judged against the region's criteria, yearly assessments.
 */

export { platformRoutes } from './innovation.routes.ts';
export { createPlatformService, type PlatformService } from './innovation.service.ts';
export {
  platformAssessments,
  platformCriteria,
  platformEvidence,
  platformPartners,
  platformProjects,
  platforms,
} from './innovation.table.ts';
export { countOperatingPlatforms } from './operations/count-operating-platforms.ts';
export { findPlatform } from './operations/find-platform.ts';
export { insertPlatform } from './operations/insert-platform.ts';
export { selectSummaries } from './operations/list-platforms.ts';
export { isOperatingSql, yearOf } from './operations/operating.ts';
