import {
  GetAchievementNeedRecommendationsRoute,
  GetInstituteNeedRecommendationsRoute,
  GetNeedRecommendationsRoute,
  RejectRecommendationRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { recommendForAchievement } from './operations/recommend-for-achievement.ts';
import { recommendForInstitute } from './operations/recommend-for-institute.ts';
import { recommendForNeed } from './operations/recommend-for-need.ts';
import { rejectRecommendation } from './operations/reject-recommendation.ts';

/** Recommendations from the server's matching index, both directions, and their rejections. */
export function recommendationsRoutes(app: FastifyInstance, auth: AuthService, deps: MatchmakingDeps) {
  registerRoute(app, auth, GetNeedRecommendationsRoute, ({ ctx, params, query }) =>
    recommendForNeed(deps, ctx, params.id, query),
  );
  registerRoute(app, auth, RejectRecommendationRoute, ({ ctx, params, body }) =>
    rejectRecommendation(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, GetInstituteNeedRecommendationsRoute, ({ ctx, params, query }) =>
    recommendForInstitute(deps, ctx, params.id, query.top),
  );
  registerRoute(app, auth, GetAchievementNeedRecommendationsRoute, ({ ctx, params, query }) =>
    recommendForAchievement(deps, ctx, params.id, query.top),
  );
}
