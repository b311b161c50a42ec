import {
  CreateNeedRoute,
  DeleteNeedRoute,
  GetNeedRoute,
  ListNeedsRoute,
  MoveNeedStageRoute,
  UpdateNeedRoute,
} from '@gaodi/contracts';
import type { FastifyInstance } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { MatchmakingDeps } from './matchmaking.deps.ts';
import { createNeed } from './operations/create-need.ts';
import { deleteNeed } from './operations/delete-need.ts';
import { getNeed } from './operations/get-need.ts';
import { listNeeds } from './operations/list-needs.ts';
import { moveNeedStage } from './operations/move-need-stage.ts';
import { updateNeed } from './operations/update-need.ts';

/** 技术需求: an enterprise's needs, from collection through the one stage mover. */
export function needsRoutes(app: FastifyInstance, auth: AuthService, deps: MatchmakingDeps) {
  registerRoute(app, auth, ListNeedsRoute, ({ ctx, query }) => listNeeds(deps, ctx, query));
  registerRoute(app, auth, CreateNeedRoute, ({ ctx, body }) => createNeed(deps, ctx, body));
  registerRoute(app, auth, GetNeedRoute, ({ ctx, params }) => getNeed(deps, ctx, params.id));
  registerRoute(app, auth, UpdateNeedRoute, ({ ctx, params, body }) =>
    updateNeed(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, DeleteNeedRoute, ({ ctx, params }) => deleteNeed(deps, ctx, params.id));
  registerRoute(app, auth, MoveNeedStageRoute, ({ ctx, params, body }) =>
    moveNeedStage(deps, ctx, params.id, body),
  );
}
