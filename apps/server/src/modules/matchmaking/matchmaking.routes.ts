import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { achievementsRoutes } from './achievements.routes.ts';
import { checkinRoutes } from './checkin.routes.ts';
import { eventsRoutes } from './events.routes.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { needsRoutes } from './needs.routes.ts';
import { pairingsRoutes } from './pairings.routes.ts';
import { recommendationsRoutes } from './recommendations.routes.ts';

/** Every matchmaking route, one file per resource; `deps` is built once in app.ts. */
export const matchmakingRoutes: FastifyPluginAsync<{ auth: AuthService; deps: MatchmakingDeps }> = async (
  app,
  { auth, deps },
) => {
  needsRoutes(app, auth, deps);
  recommendationsRoutes(app, auth, deps);
  pairingsRoutes(app, auth, deps);
  achievementsRoutes(app, auth, deps);
  eventsRoutes(app, auth, deps);
  checkinRoutes(app, auth, deps);
};
