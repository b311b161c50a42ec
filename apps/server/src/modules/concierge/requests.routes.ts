import {
  AddHandoffRoute,
  AddServiceNoteRoute,
  AnswerHandoffRoute,
  AssignServiceRequestRoute,
  CreateServiceRequestRoute,
  DecideTransferRoute,
  GetServiceRequestRoute,
  ListHelpersRoute,
  ListServiceRequestsRoute,
  MoveServiceRequestStageRoute,
  RateServiceRequestRoute,
  RequestTransferRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { ConciergeDeps } from './concierge.deps.ts';
import { addHandoff } from './operations/add-handoff.ts';
import { addServiceNote } from './operations/add-service-note.ts';
import { answerHandoff } from './operations/answer-handoff.ts';
import { assignServiceRequest } from './operations/assign-service-request.ts';
import { createServiceRequest } from './operations/create-service-request.ts';
import { decideTransfer } from './operations/decide-transfer.ts';
import { getServiceRequest, listHelpers, listServiceRequests } from './operations/list-service-requests.ts';
import { moveServiceRequestStage, rateServiceRequest } from './operations/move-service-request-stage.ts';
import { requestTransfer } from './operations/request-transfer.ts';

export const requestsRoutes: FastifyPluginAsync<{ auth: AuthService; concierge: ConciergeDeps }> = async (
  app,
  { auth, concierge: deps },
) => {
  registerRoute(app, auth, ListServiceRequestsRoute, ({ ctx, query }) =>
    listServiceRequests(deps, ctx, query),
  );
  registerRoute(app, auth, GetServiceRequestRoute, ({ ctx, params }) =>
    getServiceRequest(deps, ctx, params.id),
  );
  registerRoute(app, auth, CreateServiceRequestRoute, ({ ctx, body }) =>
    createServiceRequest(deps, ctx, body),
  );
  registerRoute(app, auth, MoveServiceRequestStageRoute, ({ ctx, params, body }) =>
    moveServiceRequestStage(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, RateServiceRequestRoute, ({ ctx, params, body }) =>
    rateServiceRequest(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, AssignServiceRequestRoute, ({ ctx, params, body }) =>
    assignServiceRequest(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, RequestTransferRoute, ({ ctx, params, body }) =>
    requestTransfer(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, DecideTransferRoute, ({ ctx, params, body }) =>
    decideTransfer(deps, ctx, params, body),
  );
  registerRoute(app, auth, AddHandoffRoute, ({ ctx, params, body }) =>
    addHandoff(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, AnswerHandoffRoute, ({ ctx, params, body }) =>
    answerHandoff(deps, ctx, params, body),
  );
  registerRoute(app, auth, AddServiceNoteRoute, ({ ctx, params, body }) =>
    addServiceNote(deps, ctx, params.id, body),
  );
  registerRoute(app, auth, ListHelpersRoute, ({ ctx }) => listHelpers(deps, ctx));
};
