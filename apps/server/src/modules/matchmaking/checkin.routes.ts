import { CheckinRoute, GetCheckinRoute } from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { checkIn } from './operations/check-in.ts';
import { readCheckin } from './operations/read-checkin.ts';

/** QR sign-in at an event: public (the token in the URL is the credential), rate-limited per client. */
export function checkinRoutes(app: FastifyInstance, auth: AuthService, deps: MatchmakingDeps) {
  registerRoute(app, auth, GetCheckinRoute, ({ ctx, params }) => readCheckin(deps, ctx.lang, params.token), {
    rateLimit: { max: 120, timeWindow: 60_000 },
  });
  registerRoute(app, auth, CheckinRoute, ({ ctx, params, body }) => checkIn(deps, ctx, params.token, body), {
    rateLimit: { max: 60, timeWindow: 60_000 },
  });
}
