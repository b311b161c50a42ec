/** Directory: regions' industries, enterprises, institutes and experts. */
export type { DirectoryDeps } from './directory.deps.ts';
export { maskPhone } from './directory.queries.ts';
export { directoryRoutes } from './directory.routes.ts';
export { createDirectoryService, type DirectoryService } from './directory.service.ts';
export { enterprises, experts, industries, institutes } from './directory.table.ts';
export { COMMON_ALIASES } from './institute-aliases.ts';
