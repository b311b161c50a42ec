import { z } from 'zod';
import { RegionCode } from './common.contract.ts';
import {
  IndicatorCode,
  IndicatorCodeParams,
  IndicatorRecord,
  IndicatorsQuery,
} from './indicators.contract.ts';
import { defineRoute } from './route.ts';

/**
 * Month-end snapshots (月末快照): at each month end every indicator of every region is frozen with
 * the records it counted; a snapshot is never changed. Live figures are compared with it, and the
 * difference is explained record by record: new since (dated after the month), late (dated within
 * it, entered or corrected afterwards) and no longer counted. frozen + new + late − removed = live.
 */
export const SnapshotPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const SnapshotQuery = z.object({ period: SnapshotPeriod, region: RegionCode.optional() });
export type SnapshotQuery = z.input<typeof SnapshotQuery>;

export const SnapshotFigure = z.object({
  code: IndicatorCode,
  name: z.string(),
  unit: z.string(),
  /** The figure frozen at the month end (year to date). */
  frozen: z.number().int(),
  target: z.number().int().nullable(),
  /** The same year's figure now. */
  live: z.number().int(),
  /** Records counted now, dated after the month: the month's change. */
  added: z.number().int(),
  /** Records counted now, dated within the frozen months, not in the snapshot: late entries and corrections. */
  late: z.number().int(),
  /** Records in the snapshot no longer counted (stopped, deleted, re-dated, moved). */
  removed: z.number().int(),
});
export type SnapshotFigure = z.infer<typeof SnapshotFigure>;

export const Snapshot = z.object({
  period: z.string(),
  year: z.number().int(),
  region: RegionCode,
  regionName: z.string(),
  takenAt: z.string(),
  /** Taken after the month had ended by more than a day (a catch-up or a re-run for a past month). */
  isLate: z.boolean(),
  figures: z.array(SnapshotFigure),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SnapshotList = z.object({
  region: RegionCode,
  items: z.array(z.object({ period: z.string(), takenAt: z.string() })),
});
export type SnapshotList = z.infer<typeof SnapshotList>;

export const SnapshotRecordSet = z.enum(['frozen', 'added', 'late', 'removed']);
export type SnapshotRecordSet = z.infer<typeof SnapshotRecordSet>;

export const SnapshotRecordsQuery = SnapshotQuery.extend({
  set: SnapshotRecordSet.default('frozen'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type SnapshotRecordsQuery = z.input<typeof SnapshotRecordsQuery>;

export const SnapshotRecords = z.object({
  code: IndicatorCode,
  period: z.string(),
  set: SnapshotRecordSet,
  total: z.number().int(),
  items: z.array(IndicatorRecord),
});
export type SnapshotRecords = z.infer<typeof SnapshotRecords>;

export const FreezeMonthInput = z.object({ period: SnapshotPeriod });
export type FreezeMonthInput = z.input<typeof FreezeMonthInput>;
export const FreezeMonthResult = z.object({
  period: z.string(),
  /** Top-level regions frozen now, and those already frozen before (never changed). */
  frozen: z.number().int(),
  skipped: z.number().int(),
});
export type FreezeMonthResult = z.infer<typeof FreezeMonthResult>;

/** 工作专报 (.docx): the year to the end of a month or quarter, from the data and that month's snapshot. */
export const BriefingQuery = z.object({
  period: SnapshotPeriod,
  kind: z.enum(['monthly', 'quarterly']).default('monthly'),
  region: RegionCode.optional(),
  /** 文号 of the issue, e.g. 第 11 期. */
  number: z.string().trim().max(40).optional(),
  issuer: z.string().trim().max(60).optional(),
  /** 下步工作, written by the office before downloading; one paragraph per line. */
  nextSteps: z.string().trim().max(4000).optional(),
});
export type BriefingQuery = z.input<typeof BriefingQuery>;

const tags = ['indicators'];

export const ListSnapshotsRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/snapshots',
  summary: '已冻结的月末快照',
  tags,
  access: { resource: 'indicator', action: 'read' },
  query: z.object({ region: RegionCode.optional() }),
  response: SnapshotList,
});
export const GetSnapshotRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/snapshot',
  summary: '月末快照与当前数值对照（差异逐条说明）',
  tags,
  access: { resource: 'indicator', action: 'read' },
  query: SnapshotQuery,
  response: Snapshot,
});
export const ListSnapshotRecordsRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/:code/snapshot-records',
  summary: '快照冻结的记录，及其后新增、补录、不再计入的记录',
  tags,
  access: { resource: 'indicator', action: 'read' },
  params: IndicatorCodeParams,
  query: SnapshotRecordsQuery,
  response: SnapshotRecords,
});
export const FreezeMonthRoute = defineRoute({
  method: 'POST',
  path: '/api/indicators/snapshots',
  summary: '补做已结束月份的月末快照（已冻结的不变）',
  tags,
  access: { resource: 'indicator', action: 'update' },
  body: FreezeMonthInput,
  response: FreezeMonthResult,
});
export const ExportBriefingRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/briefing.docx',
  summary: '工作专报（.docx）',
  tags,
  access: { resource: 'indicator', action: 'export' },
  query: BriefingQuery,
  kind: 'file',
});
export const ExportIndicatorsRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/export.xlsx',
  summary: '指标台账（.xlsx：指标、分县、明细）',
  tags,
  access: { resource: 'indicator', action: 'export' },
  query: IndicatorsQuery,
  kind: 'file',
});
