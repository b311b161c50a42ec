/** Concierge (帮办): service requests with working-day time limits, transfers, hand-offs, ratings, the service station. */

export type { ConciergeDeps } from './concierge.deps.ts';
export { conciergeEncryptedColumns } from './concierge.encrypted.ts';
export { serviceRequestSupervisedItems } from './concierge.supervision.ts';
export {
  serviceHandoffs,
  serviceRequestEntries,
  serviceRequests,
  serviceTimeLimits,
  serviceTransfers,
  workingCalendarDays,
} from './concierge.table.ts';
export { createServiceRequest } from './operations/create-service-request.ts';
export { moveServiceRequestStage, rateServiceRequest } from './operations/move-service-request-stage.ts';
export { requestsRoutes } from './requests.routes.ts';
export { stationRoutes } from './station.routes.ts';
export { createStationGuard, type StationGuard } from './station-guard.ts';
export { addWorkingDays, isWorkingDay } from './working-days.ts';
