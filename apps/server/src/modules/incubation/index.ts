/**
 * Incubation (孵化): carriers of the chain 众创空间 → 孵化器 → 加速器 → 产业园 (in the county or an
 * enclave city) and incubatees with one identity across every carrier and city.
 */
export { incubationRoutes } from './incubation.routes.ts';
export { createIncubationService, type IncubationService } from './incubation.service.ts';
export {
  carrierOccupancy,
  incubateeMoves,
  incubateeReports,
  incubatees,
  incubateeVisits,
  incubationCarriers,
} from './incubation.table.ts';
