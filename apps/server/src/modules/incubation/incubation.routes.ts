import {
  AddOccupancyRoute,
  AddVisitRoute,
  CreateCarrierRoute,
  CreateIncubateeRoute,
  GetCarrierRoute,
  GetIncubateeRoute,
  ListCarriersRoute,
  ListIncubateesRoute,
  MoveIncubateeRoute,
  RegisterIncubateeRoute,
  SaveReportRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { IncubationService } from './incubation.service.ts';

/** Incubation (孵化): carriers, incubatees and their chain path, moves, registration, visits, reports. */
export const incubationRoutes: FastifyPluginAsync<{
  auth: AuthService;
  incubation: IncubationService;
}> = async (app, { auth, incubation: s }) => {
  registerRoute(app, auth, ListCarriersRoute, ({ ctx, query }) => s.listCarriers(ctx, query));
  registerRoute(app, auth, CreateCarrierRoute, ({ ctx, body }) => s.createCarrier(ctx, body));
  registerRoute(app, auth, GetCarrierRoute, ({ ctx, params }) => s.readCarrier(ctx, params.id));
  registerRoute(app, auth, AddOccupancyRoute, ({ ctx, params, body }) =>
    s.addOccupancy(ctx, params.id, body),
  );
  registerRoute(app, auth, ListIncubateesRoute, ({ ctx, query }) => s.listIncubatees(ctx, query));
  registerRoute(app, auth, CreateIncubateeRoute, ({ ctx, body }) => s.createIncubatee(ctx, body));
  registerRoute(app, auth, GetIncubateeRoute, ({ ctx, params }) => s.readIncubatee(ctx, params.id));
  registerRoute(app, auth, MoveIncubateeRoute, ({ ctx, params, body }) =>
    s.moveIncubatee(ctx, params.id, body),
  );
  registerRoute(app, auth, RegisterIncubateeRoute, ({ ctx, params, body }) =>
    s.registerIncubatee(ctx, params.id, body),
  );
  registerRoute(app, auth, AddVisitRoute, ({ ctx, params, body }) => s.addVisit(ctx, params.id, body));
  registerRoute(app, auth, SaveReportRoute, ({ ctx, params, body }) => s.saveReport(ctx, params.id, body));
};
