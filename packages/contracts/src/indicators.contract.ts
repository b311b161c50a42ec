import { z } from 'zod';
import { RegionCode } from './common.contract.ts';
import { defineRoute } from './route.ts';

/**
 * Indicators (指标): every figure a leader reads is declared once on the server as one query over
 * records; the figure is the count of that query and the drill-down lists exactly its rows.
 * Nothing is typed in by hand but the yearly targets.
 */
export const INDICATOR_CODES = [
  'events',
  'signed_projects',
  'institutes_recruited',
  'platforms_operating',
  'projects_landed',
  'leading_talents',
  'talents_gathered',
  'incubatees_active',
  'incubatees_graduated',
  'incubatees_moved_up',
  'incubatees_landed',
] as const;
/**
 * The matchmaking funnel (需求 → 发布 → 对接 → 签约 → 落地): the needs collected in the year and how
 * far each got. Each step is a figure like the others (its records, trend and breakdown), but not
 * one of the article's figures: not listed, frozen or briefed with them.
 */
export const FUNNEL_CODES = [
  'needs_collected',
  'needs_published',
  'needs_paired',
  'needs_signed',
  'needs_landed',
] as const;
export const IndicatorCode = z.enum([...INDICATOR_CODES, ...FUNNEL_CODES]);
export type IndicatorCode = z.infer<typeof IndicatorCode>;

/** Where a figure stands against the share of its target the year has reached so far. */
export const IndicatorLight = z.enum(['green', 'yellow', 'red', 'none']);
export type IndicatorLight = z.infer<typeof IndicatorLight>;

export const Indicator = z.object({
  code: IndicatorCode,
  name: z.string(),
  unit: z.string(),
  value: z.number().int(),
  /** The region's yearly target; null when none is set. */
  target: z.number().int().nullable(),
  /** value / target, percent, one decimal; null without a target. */
  progress: z.number().nullable(),
  /** The part of the target expected by today (target × elapsed share of the year); null without a target. */
  expected: z.number().nullable(),
  light: IndicatorLight,
  /** The definition in plain words, shown beside the figure. */
  definition: z.string(),
  /** The kind of records behind the figure (what the drill-down lists). */
  recordKind: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  /** A region the user sees (default: the active region); figures cover it and the regions below. */
  region: RegionCode.optional(),
});
export type IndicatorsQuery = z.input<typeof IndicatorsQuery>;

export const Indicators = z.object({
  year: z.number().int(),
  region: RegionCode,
  regionName: z.string(),
  indicators: z.array(Indicator),
});
export type Indicators = z.infer<typeof Indicators>;

/** The funnel: each step's figure and its share of the step before (percent, one decimal). */
export const Funnel = z.object({
  year: z.number().int(),
  region: RegionCode,
  steps: z.array(
    z.object({
      code: IndicatorCode,
      name: z.string(),
      definition: z.string(),
      value: z.number().int(),
      /** value / the previous step's value; null for the first step or after an empty step. */
      conversion: z.number().nullable(),
    }),
  ),
});
export type Funnel = z.infer<typeof Funnel>;

/** One record behind a figure. `href` is the web page that shows it. */
export const IndicatorRecord = z.object({
  id: z.string(),
  title: z.string(),
  /** The date that put it in the figure (signed on, landed on, held on…). */
  on: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  href: z.string().nullable(),
});
export type IndicatorRecord = z.infer<typeof IndicatorRecord>;

export const IndicatorRecordsQuery = IndicatorsQuery.extend({
  /** Only the records whose date falls in this month of the year (a trend bar's drill-down). */
  month: z.coerce.number().int().min(1).max(12).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type IndicatorRecordsQuery = z.input<typeof IndicatorRecordsQuery>;

export const IndicatorRecords = z.object({
  code: IndicatorCode,
  name: z.string(),
  definition: z.string(),
  year: z.number().int(),
  region: RegionCode,
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(IndicatorRecord),
});
export type IndicatorRecords = z.infer<typeof IndicatorRecords>;

/** A figure broken down by the regions directly below the asked one (a city → its counties). */
export const IndicatorBreakdown = z.object({
  code: IndicatorCode,
  year: z.number().int(),
  region: RegionCode,
  rows: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      value: z.number().int(),
      target: z.number().int().nullable(),
    }),
  ),
});
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdown>;

/** A figure month by month (by the date that put each record in it). */
export const IndicatorTrend = z.object({
  code: IndicatorCode,
  year: z.number().int(),
  region: RegionCode,
  months: z.array(z.object({ month: z.number().int(), value: z.number().int() })),
});
export type IndicatorTrend = z.infer<typeof IndicatorTrend>;

export const IndicatorCodeParams = z.object({ code: IndicatorCode });

export const IndicatorTargetsInput = z.object({
  year: z.number().int().min(2000).max(2100),
  targets: z
    .array(z.object({ code: IndicatorCode, target: z.number().int().min(0).max(1_000_000).nullable() }))
    .max(IndicatorCode.options.length),
});
export type IndicatorTargetsInput = z.input<typeof IndicatorTargetsInput>;

const tags = ['indicators'];

export const ListIndicatorsRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators',
  summary: '年度指标：数值、目标、进度（均由记录计算）',
  tags,
  access: { resource: 'indicator', action: 'read' },
  query: IndicatorsQuery,
  response: Indicators,
});
export const ListIndicatorRecordsRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/:code/records',
  summary: '指标背后的记录（条数与指标数值相同）',
  tags,
  access: { resource: 'indicator', action: 'read' },
  params: IndicatorCodeParams,
  query: IndicatorRecordsQuery,
  response: IndicatorRecords,
});
export const IndicatorBreakdownRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/:code/breakdown',
  summary: '指标按下级区域分解',
  tags,
  access: { resource: 'indicator', action: 'read' },
  params: IndicatorCodeParams,
  query: IndicatorsQuery,
  response: IndicatorBreakdown,
});
export const IndicatorTrendRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/:code/trend',
  summary: '指标逐月变化',
  tags,
  access: { resource: 'indicator', action: 'read' },
  params: IndicatorCodeParams,
  query: IndicatorsQuery,
  response: IndicatorTrend,
});
export const IndicatorFunnelRoute = defineRoute({
  method: 'GET',
  path: '/api/indicators/funnel',
  summary: '对接漏斗：本年征集的需求走到了哪一步',
  tags,
  access: { resource: 'indicator', action: 'read' },
  query: IndicatorsQuery,
  response: Funnel,
});
export const SaveIndicatorTargetsRoute = defineRoute({
  method: 'PUT',
  path: '/api/indicators/targets',
  summary: '设置本区域的年度目标',
  tags,
  access: { resource: 'indicator', action: 'update' },
  body: IndicatorTargetsInput,
  response: Indicators,
});
