import {
  DecideAgendaProposalRoute,
  GetSupervisionRulesRoute,
  ListAgendaProposalsRoute,
  ProposeAgendaItemRoute,
  RefreshLightsRoute,
  SaveSupervisionRulesRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { SupervisionService } from './supervision.service.ts';

export const supervisionRoutes: FastifyPluginAsync<{
  auth: AuthService;
  supervision: SupervisionService;
}> = async (app, { auth, supervision }) => {
  registerRoute(app, auth, GetSupervisionRulesRoute, ({ ctx }) => supervision.getRules(ctx));
  registerRoute(app, auth, SaveSupervisionRulesRoute, ({ ctx, body }) => supervision.setRules(ctx, body));
  registerRoute(app, auth, RefreshLightsRoute, ({ ctx }) => supervision.refreshRegion(ctx));
  registerRoute(app, auth, ListAgendaProposalsRoute, ({ ctx, query }) =>
    supervision.listProposals(ctx, query),
  );
  registerRoute(app, auth, ProposeAgendaItemRoute, ({ ctx, body }) => supervision.proposeItem(ctx, body));
  registerRoute(app, auth, DecideAgendaProposalRoute, ({ ctx, params, body }) =>
    supervision.decideProposal(ctx, params.id, body),
  );
};
