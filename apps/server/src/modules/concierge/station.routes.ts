import {
  GetCalendarYearRoute,
  GetStationRoute,
  GetTimeLimitsRoute,
  SaveCalendarYearRoute,
  SaveTimeLimitsRoute,
  SubmitStationRequestRoute,
} from '@gaodi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import type { AuthService } from '../../platform/auth/auth.service.ts';
import { registerRoute } from '../../platform/http/route.ts';
import type { ConciergeDeps } from './concierge.deps.ts';
import {
  getCalendarYear,
  getTimeLimits,
  saveCalendarYear,
  saveTimeLimits,
} from './operations/office-terms.ts';
import { getStation, submitStationRequest } from './operations/submit-station-request.ts';
import type { StationGuard } from './station-guard.ts';

/** The public service station (驿站) and the office's terms (time limits, working calendar). */
export const stationRoutes: FastifyPluginAsync<{
  auth: AuthService;
  concierge: ConciergeDeps;
  guard: StationGuard;
}> = async (app, { auth, concierge: deps, guard }) => {
  registerRoute(app, auth, GetStationRoute, ({ ctx, params }) =>
    getStation(deps, guard, ctx, params.regionCode),
  );
  registerRoute(app, auth, SubmitStationRequestRoute, ({ ctx, params, body }) =>
    submitStationRequest(deps, guard, ctx, params.regionCode, body),
  );
  registerRoute(app, auth, GetTimeLimitsRoute, ({ ctx }) => getTimeLimits(deps, ctx));
  registerRoute(app, auth, SaveTimeLimitsRoute, ({ ctx, body }) => saveTimeLimits(deps, ctx, body));
  registerRoute(app, auth, GetCalendarYearRoute, ({ ctx, params }) =>
    getCalendarYear(deps, ctx, params.year),
  );
  registerRoute(app, auth, SaveCalendarYearRoute, ({ ctx, params, body }) =>
    saveCalendarYear(deps, ctx, params.year, body),
  );
};
