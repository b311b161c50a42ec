import {
  CreatePairingRoute,
  GetRejectionReportRoute,
  ListPairingsRoute,
  UpdatePairingRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { createPairing } from './operations/create-pairing.ts';
import { listPairings } from './operations/list-pairings.ts';
import { reportRejections } from './operations/report-rejections.ts';
import { updatePairing } from './operations/update-pairing.ts';

/** 对接: need ↔ institute pairings and the report of refused recommendations. */
export function pairingsRoutes(app: FastifyInstance, auth: AuthService, deps: MatchmakingDeps) {
  registerRoute(app, auth, ListPairingsRoute, ({ ctx, query }) => listPairings(deps, ctx, query));
  registerRoute(app, auth, CreatePairingRoute, ({ ctx, body }) => createPairing(deps, ctx, body));
  registerRoute(app, auth, UpdatePairingRoute, ({ ctx, params, body }) =>
    updatePairing(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, GetRejectionReportRoute, ({ ctx }) => reportRejections(deps, ctx));
}
