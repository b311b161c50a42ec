/**
 * Indicators (指标): every figure declared once as a query over records (indicators.definitions.ts);
 * the figure, its drill-down and its breakdown by region all run that one query.
 */
export { INDICATORS, type IndicatorDefinition } from './indicators.definitions.ts';
export { indicatorsRoutes } from './indicators.routes.ts';
export {
  indicatorRegionChanges,
  indicatorRegionCounts,
  indicatorSnapshotRecords,
  indicatorSnapshots,
  indicatorTargets,
} from './indicators.table.ts';
export { SNAPSHOT_JOB, snapshotJob } from './operations/freeze-month.ts';
