/** Innovation platforms (minimal): the registry recruitment links operating institutes to. */
export { platformRoutes } from './platform.routes.ts';
export { createPlatformService, type PlatformService } from './platform.service.ts';
export { platforms } from './platform.table.ts';
