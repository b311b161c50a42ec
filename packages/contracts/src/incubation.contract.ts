import { z } from 'zod';
import { IdParams, optionalText, pageOf, RegionCode, text } from './common.contract.ts';
import { CreditCode } from './directory.contract.ts';
import { definePipeline } from './pipeline.ts';
import { defineRoute } from './route.ts';

/**
 * Incubation (孵化): carriers of the chain 众创空间 → 孵化器 → 加速器 → 产业园, in the county or in an
 * enclave city (北京大兴) whose office co-manages them, and incubatees with one identity across
 * every carrier and city: entry, moves up the chain, graduation, exit, visits, quarterly reports.
 */
export const CARRIER_KINDS = ['maker_space', 'incubator', 'accelerator', 'park'] as const;
export const CarrierKind = z.enum(CARRIER_KINDS);
export type CarrierKind = z.infer<typeof CarrierKind>;
export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = {
  maker_space: '众创空间',
  incubator: '孵化器',
  accelerator: '加速器',
  park: '产业园',
};
export const CERT_LEVELS = ['national', 'provincial', 'municipal', 'none'] as const;
export const CertLevel = z.enum(CERT_LEVELS);
export const CERT_LEVEL_LABELS: Record<(typeof CERT_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  none: '未认定',
};

/** The incubatee's position: the kind of carrier it is in, graduated, or exited. */
export const incubateePipeline = definePipeline({
  key: 'incubatee',
  stages: ['maker_space', 'incubator', 'accelerator', 'park', 'graduated', 'exited'],
  sideExits: ['exited'],
  labels: {
    maker_space: { zh: '众创空间', en: 'Maker space' },
    incubator: { zh: '孵化器', en: 'Incubator' },
    accelerator: { zh: '加速器', en: 'Accelerator' },
    park: { zh: '产业园', en: 'Industrial park' },
    graduated: { zh: '毕业', en: 'Graduated' },
    exited: { zh: '退出', en: 'Exited' },
  },
  moves: {
    maker_space: ['maker_space', 'incubator', 'accelerator', 'park', 'graduated', 'exited'],
    incubator: ['incubator', 'accelerator', 'park', 'graduated', 'exited'],
    accelerator: ['accelerator', 'park', 'graduated', 'exited'],
    park: ['park', 'graduated', 'exited'],
    graduated: ['park'],
    exited: [],
  },
  requires: {
    maker_space: [{ field: 'carrierId', kind: 'custom', label: { zh: '载体', en: 'Carrier' } }],
    incubator: [{ field: 'carrierId', kind: 'custom', label: { zh: '载体', en: 'Carrier' } }],
    accelerator: [{ field: 'carrierId', kind: 'custom', label: { zh: '载体', en: 'Carrier' } }],
    park: [{ field: 'carrierId', kind: 'custom', label: { zh: '载体', en: 'Carrier' } }],
    graduated: [
      {
        field: 'graduatedOn',
        kind: 'date',
        label: { zh: '毕业日期', en: 'Graduated on' },
        isNotFuture: true,
      },
      {
        field: 'criteria',
        kind: 'text',
        label: { zh: '达到的毕业条件', en: 'Criteria met' },
        maxLength: 500,
      },
    ],
    exited: [{ field: 'reason', kind: 'text', label: { zh: '退出原因', en: 'Reason' }, maxLength: 500 }],
  },
  groups: {
    maker_space: 'active',
    incubator: 'active',
    accelerator: 'active',
    park: 'active',
    graduated: 'done',
    exited: 'stopped',
  },
  dateOrder: [],
});
export const IncubateeStage = incubateePipeline.Stage;
export type IncubateeStage = z.infer<typeof IncubateeStage>;
export const INCUBATEE_STAGES = incubateePipeline.stages;
export const INCUBATEE_STAGE_LABELS = Object.fromEntries(
  INCUBATEE_STAGES.map((s) => [s, incubateePipeline.labels[s].zh]),
) as Record<IncubateeStage, string>;
/** Rank on the chain: a move to a higher rank is a move up. */
export const CHAIN_RANK: Record<CarrierKind, number> = {
  maker_space: 1,
  incubator: 2,
  accelerator: 3,
  park: 4,
};

const count = z.coerce.number().int().min(0).max(10_000_000);
const money = z.coerce.number().min(0).max(1e12);
const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' });

export const CarrierInput = z.object({
  name: text(100),
  kind: CarrierKind,
  certLevel: CertLevel.default('none'),
  certYear: z.coerce.number().int().min(1990).max(2100).nullable().default(null),
  operator: optionalText(100),
  address: optionalText(200),
  areaM2: money.default(0),
  seats: count.default(0),
  rooms: count.default(0),
  industryIds: z.array(z.uuid()).max(20).default([]),
  /** Where it is: the county (null) or the enclave city's region, whose office co-manages it. */
  locationRegionCode: RegionCode.nullable().default(null),
  partnerInstituteIds: z.array(z.uuid()).max(20).default([]),
  mentorTalentIds: z.array(z.uuid()).max(50).default([]),
  services: z.array(text(40)).max(30).default([]),
});
export const Carrier = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  kind: CarrierKind,
  certLevel: CertLevel,
  certYear: z.number().nullable(),
  operator: z.string(),
  address: z.string(),
  areaM2: z.number(),
  seats: z.number(),
  rooms: z.number(),
  industryIds: z.array(z.string()),
  locationRegionCode: z.string().nullable(),
  /** The enclave city's name (北京市大兴区), null in the county. */
  locationName: z.string().nullable(),
  partnerInstituteIds: z.array(z.string()),
  partnerNames: z.array(z.string()),
  mentorTalentIds: z.array(z.string()),
  mentorNames: z.array(z.string()),
  services: z.array(z.string()),
  /** Incubatees in it now, and the latest occupancy record. */
  incubateeCount: z.number(),
  seatsUsed: z.number().nullable(),
  areaUsed: z.number().nullable(),
});
export type Carrier = z.infer<typeof Carrier>;
export const CarrierListQuery = z.object({
  kind: CarrierKind.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const CarrierPage = pageOf(Carrier);
export type CarrierPage = z.infer<typeof CarrierPage>;
export const OccupancyInput = z.object({ on: day, seatsUsed: count, areaUsed: money });
export const Occupancy = z.object({ on: z.string(), seatsUsed: z.number(), areaUsed: z.number() });

export const IncubateeInput = z.object({
  name: text(100),
  carrierId: z.uuid(),
  enteredOn: day,
  creditCode: CreditCode.nullable().default(null),
  space: optionalText(60),
  contact: optionalText(40),
});
export const IncubateeStageInput = z.object({
  to: IncubateeStage,
  subStage: z.string().nullable().optional(),
  note: optionalText(500),
  carrierId: z.uuid().optional(),
  movedOn: day.optional(),
  graduatedOn: day.optional(),
  criteria: optionalText(500),
  reason: optionalText(500),
});
export const RegistrationInput = z.object({ creditCode: CreditCode, name: text(100).optional() });
export const VisitInput = z.object({
  on: day,
  visitor: text(40),
  notes: optionalText(2000),
  problems: optionalText(2000),
});
export const ReportInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
  revenue: money,
  staff: count,
  rdSpend: money,
  ipCount: count,
  financing: money,
});
export const ChainStep = z.object({
  on: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string(),
  carrierId: z.string().nullable(),
  carrierName: z.string().nullable(),
  cityRegionCode: z.string().nullable(),
  cityName: z.string().nullable(),
  text: z.string(),
});
export const Incubatee = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  stage: IncubateeStage,
  subStage: z.string().nullable(),
  carrierId: z.string().nullable(),
  carrierName: z.string().nullable(),
  enteredOn: z.string(),
  space: z.string(),
  contact: z.string(),
  rdRegionCode: z.string().nullable(),
  landedOn: z.string().nullable(),
  graduatedOn: z.string().nullable(),
  criteria: z.string(),
  exitReason: z.string(),
  /** The directory's enterprise once registered (its code known there); a service request names it. */
  enterpriseId: z.string().nullable(),
});
export type Incubatee = z.infer<typeof Incubatee>;
export const IncubateeDetail = Incubatee.extend({
  chain: z.array(ChainStep),
  /** Each visit with the service request raised from its problems, if any. */
  visits: z.array(
    VisitInput.extend({
      id: z.string(),
      serviceRequestId: z.string().nullable(),
      serviceRequestNumber: z.string().nullable(),
    }),
  ),
  reports: z.array(ReportInput),
});
export type IncubateeDetail = z.infer<typeof IncubateeDetail>;
export const IncubateeListQuery = z.object({
  stage: IncubateeStage.optional(),
  carrierId: z.uuid().optional(),
  q: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const IncubateePage = pageOf(Incubatee);
export type IncubateePage = z.infer<typeof IncubateePage>;
export const CarrierDetail = Carrier.extend({
  occupancy: z.array(Occupancy),
  incubatees: z.array(Incubatee),
});

const tags = ['incubation'];
const read = { resource: 'incubation', action: 'read' } as const;
const write = { resource: 'incubation', action: 'update' } as const;
export const ListCarriersRoute = defineRoute({
  method: 'GET',
  path: '/api/incubation/carriers',
  summary: '孵化载体列表',
  tags,
  access: read,
  query: CarrierListQuery,
  response: CarrierPage,
});
export const CreateCarrierRoute = defineRoute({
  method: 'POST',
  path: '/api/incubation/carriers',
  summary: '登记孵化载体',
  tags,
  access: { resource: 'incubation', action: 'create' },
  body: CarrierInput,
  response: Carrier,
});
export const GetCarrierRoute = defineRoute({
  method: 'GET',
  path: '/api/incubation/carriers/:id',
  summary: '载体详情（在孵主体、入驻率）',
  tags,
  access: read,
  params: IdParams,
  response: CarrierDetail,
});
export const AddOccupancyRoute = defineRoute({
  method: 'POST',
  path: '/api/incubation/carriers/:id/occupancy',
  summary: '登记载体入驻情况（工位、面积）',
  tags,
  access: write,
  params: IdParams,
  body: OccupancyInput,
  response: CarrierDetail,
});
export const ListIncubateesRoute = defineRoute({
  method: 'GET',
  path: '/api/incubatees',
  summary: '在孵主体列表',
  tags,
  access: read,
  query: IncubateeListQuery,
  response: IncubateePage,
});
export const CreateIncubateeRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees',
  summary: '入驻（团队或企业进入载体）',
  tags,
  access: { resource: 'incubation', action: 'create' },
  body: IncubateeInput,
  response: IncubateeDetail,
});
export const GetIncubateeRoute = defineRoute({
  method: 'GET',
  path: '/api/incubatees/:id',
  summary: '在孵主体详情与孵化链路',
  tags,
  access: read,
  params: IdParams,
  response: IncubateeDetail,
});
export const MoveIncubateeRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/:id/stage',
  summary: '升级、毕业或退出',
  tags,
  access: write,
  params: IdParams,
  body: IncubateeStageInput,
  response: IncubateeDetail,
});
export const RegisterIncubateeRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/:id/registration',
  summary: '注册为企业（统一社会信用代码）',
  tags,
  access: write,
  params: IdParams,
  body: RegistrationInput,
  response: IncubateeDetail,
});
export const AddVisitRoute = defineRoute({
  method: 'POST',
  path: '/api/incubatees/:id/visits',
  summary: '登记走访',
  tags,
  access: write,
  params: IdParams,
  body: VisitInput,
  response: IncubateeDetail,
});
export const SaveReportRoute = defineRoute({
  method: 'PUT',
  path: '/api/incubatees/:id/reports',
  summary: '填报季度数据（载体或在孵企业本身）',
  tags,
  access: { resource: 'incubation_report', action: 'update' },
  params: IdParams,
  body: ReportInput,
  response: IncubateeDetail,
});
