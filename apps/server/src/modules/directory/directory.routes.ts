import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import type { UploadStore } from '../../platform/excel/upload-store.ts';
import type { DirectoryDeps } from './directory.deps.ts';
import type { DirectoryService } from './directory.service.ts';
import { enterprisesRoutes } from './enterprises.routes.ts';
import { expertsRoutes } from './experts.routes.ts';
import { industriesRoutes } from './industries.routes.ts';
import { institutesRoutes } from './institutes.routes.ts';

type DirectoryRouteDeps = DirectoryDeps & {
  uploads: UploadStore;
  /** Built once in app.ts and shared with the modules that create institutes (imports). */
  directory: DirectoryService;
};

/** Every directory route, one file per resource. */
export const directoryRoutes: FastifyPluginAsync<{ auth: AuthService; deps: DirectoryRouteDeps }> = async (
  app,
  { auth, deps },
) => {
  industriesRoutes(app, auth, deps.directory);
  enterprisesRoutes(app, auth, deps);
  institutesRoutes(app, auth, deps.directory);
  expertsRoutes(app, auth, deps.directory);
};
