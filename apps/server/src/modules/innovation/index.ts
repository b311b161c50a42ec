/**
 * Innovation platforms (创新平台, domain `innovation`; not to be confused with `src/platform/`,
 * the cross-cutting code): the registry recruitment links operating institutes to.
 */

export { platformRoutes } from './innovation.routes.ts';
export { createPlatformService, type PlatformService } from './innovation.service.ts';
export { platforms } from './innovation.table.ts';
export { findPlatform } from './operations/find-platform.ts';
export { insertPlatform } from './operations/insert-platform.ts';
