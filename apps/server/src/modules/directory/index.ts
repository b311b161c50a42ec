/** Directory: regions' industries, enterprises, institutes and experts. */
export { directoryRoutes } from './directory.routes.ts';
export { createDirectoryService, type DirectoryService, maskPhone } from './directory.service.ts';
export { enterprises, experts, industries, institutes } from './directory.table.ts';
