import { z } from 'zod';
import { optionalText, pageOf, text } from './common.contract.ts';

/**
 * Innovation platforms (创新平台): kinds, level, the 1+4+N tier, partners as records with roles,
 * yearly physical-operation evidence, the region's criteria and yearly assessments. "Operating"
 * (实体化运营) is computed from evidence against the criteria, never set by hand.
 */
export const PLATFORM_KINDS = [
  'joint_lab',
  'innovation_center',
  'research_institute',
  'science_park',
  'engineering_center',
  'enclave_incubator',
  'key_lab',
  'new_rd_institution',
  'other',
] as const;
export const PlatformKind = z.enum(PLATFORM_KINDS);
export type PlatformKind = z.infer<typeof PlatformKind>;
export const PLATFORM_KIND_LABELS: Record<PlatformKind, string> = {
  joint_lab: '联合实验室',
  innovation_center: '技术创新中心',
  research_institute: '产业技术研究院',
  science_park: '大学科技园分园',
  engineering_center: '工程技术研究中心',
  enclave_incubator: '飞地孵化中心',
  key_lab: '重点实验室',
  new_rd_institution: '新型研发机构',
  other: '其他',
};
export const PLATFORM_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export const PlatformLevel = z.enum(PLATFORM_LEVELS);
export const PLATFORM_LEVEL_LABELS: Record<(typeof PLATFORM_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  county: '县级',
};
/** The "1+4+N" system: the one comprehensive platform, the four leading-industry ones, the N others. */
export const PLATFORM_TIERS = ['comprehensive', 'leading', 'other'] as const;
export const PlatformTier = z.enum(PLATFORM_TIERS);
export type PlatformTier = z.infer<typeof PlatformTier>;
export const PLATFORM_TIER_LABELS: Record<PlatformTier, string> = {
  comprehensive: '“1”综合平台',
  leading: '“4”主导产业平台',
  other: '“N”其他平台',
};
/** 校地企: who a partner is. */
export const PARTNER_KINDS = ['enterprise', 'institute', 'government'] as const;
export const PartnerKind = z.enum(PARTNER_KINDS);
export type PartnerKind = z.infer<typeof PartnerKind>;
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  enterprise: '企业',
  institute: '院所',
  government: '政府部门',
};
export const PARTNER_ROLES = ['lead_builder', 'co_builder', 'operator'] as const;
export const PartnerRole = z.enum(PARTNER_ROLES);
export type PartnerRole = z.infer<typeof PartnerRole>;
export const PARTNER_ROLE_LABELS: Record<PartnerRole, string> = {
  lead_builder: '牵头建设单位',
  co_builder: '共建单位',
  operator: '运营单位',
};
export const ASSESSMENT_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export const AssessmentGrade = z.enum(ASSESSMENT_GRADES);
export type AssessmentGrade = z.infer<typeof AssessmentGrade>;
export const ASSESSMENT_GRADE_LABELS: Record<AssessmentGrade, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};

/** Recruitment's move to 运营 creates a platform with partner names (matched to the directory). */
export const PlatformInput = z.object({
  name: text(100),
  kind: PlatformKind,
  level: PlatformLevel,
  industryId: z.uuid().nullable().default(null),
  /** Partner names (universities, institutes, enterprises, governments). */
  partners: z.array(text(100)).max(20).default([]),
  city: optionalText(40),
});
export type PlatformInput = z.input<typeof PlatformInput>;

/** The minimal platform recruitment shows and links to. */
export const Platform = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  kind: PlatformKind,
  level: PlatformLevel,
  industryId: z.uuid().nullable(),
  partners: z.array(z.string()),
  city: z.string(),
  createdAt: z.string(),
});
export type Platform = z.infer<typeof Platform>;

export const PartnerInput = z
  .object({
    kind: PartnerKind,
    role: PartnerRole,
    enterpriseId: z.uuid().nullable().default(null),
    instituteId: z.uuid().nullable().default(null),
    /** A government body's name (enterprises and institutes take theirs from the directory). */
    name: optionalText(100),
  })
  .superRefine((p, ctx) => {
    if (p.kind === 'enterprise' && !p.enterpriseId)
      ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择企业' });
    if (p.kind === 'institute' && !p.instituteId)
      ctx.addIssue({ code: 'custom', path: ['instituteId'], message: '请选择院所' });
    if (p.kind === 'government' && !p.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写政府部门名称' });
  });
export type PartnerInput = z.input<typeof PartnerInput>;

export const Partner = z.object({
  id: z.uuid(),
  kind: PartnerKind,
  role: PartnerRole,
  enterpriseId: z.uuid().nullable(),
  instituteId: z.uuid().nullable(),
  name: z.string(),
});
export type Partner = z.infer<typeof Partner>;

const year = z.coerce.number().int().min(2000).max(2100);
const count = z.coerce.number().int().min(0).max(1_000_000);
/** Money in integer fen (0.01 元), as everywhere. */
const fen = z.coerce
  .number()
  .int()
  .min(0)
  .max(10 ** 14);

export const PlatformRegisterInput = z.object({
  name: text(100),
  kind: PlatformKind,
  level: PlatformLevel,
  tier: PlatformTier.default('other'),
  industryId: z.uuid().nullable().default(null),
  city: optionalText(40),
  establishedOn: z.iso.date().nullable().default(null),
  description: optionalText(2000),
  partners: z.array(PartnerInput).max(30).default([]),
});
export type PlatformRegisterInput = z.input<typeof PlatformRegisterInput>;

export const PlatformUpdateInput = PlatformRegisterInput;
export type PlatformUpdateInput = z.input<typeof PlatformUpdateInput>;

/** One year's proof of physical operation (实体化运营): people, space, money, outputs, files. */
export const EvidenceInput = z.object({
  year,
  staff: count,
  areaM2: count,
  equipmentFen: fen,
  rdSpendingFen: fen,
  patents: count,
  standards: count,
  products: count,
  servedEnterprises: count,
  revenueFen: fen,
  fileIds: z.array(z.uuid()).max(20).default([]),
  note: optionalText(1000),
});
export type EvidenceInput = z.input<typeof EvidenceInput>;

export const Evidence = EvidenceInput.extend({
  id: z.uuid(),
  fileIds: z.array(z.uuid()),
  note: z.string(),
  /** Whether this year's evidence meets the region's criteria. */
  meetsCriteria: z.boolean(),
  /** What falls short, e.g. "专职人员不足 10 人". */
  shortfalls: z.array(z.string()),
  recordedAt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** The region's criteria for 实体化运营: a platform operates when one year's evidence meets all. */
export const OperatingCriteria = z.object({
  minStaff: count,
  minAreaM2: count,
  minEquipmentFen: fen,
  minRdSpendingFen: fen,
  /** Patents + standards + products + enterprises served. */
  minOutputs: count,
});
export type OperatingCriteria = z.infer<typeof OperatingCriteria>;
export const DEFAULT_OPERATING_CRITERIA: OperatingCriteria = {
  minStaff: 10,
  minAreaM2: 500,
  minEquipmentFen: 100_000_000,
  minRdSpendingFen: 50_000_000,
  minOutputs: 3,
};
export const CriteriaAnswer = OperatingCriteria.extend({ isDefault: z.boolean() });
export type CriteriaAnswer = z.infer<typeof CriteriaAnswer>;

export const AssessmentInput = z.object({
  year,
  grade: AssessmentGrade,
  score: z.coerce.number().int().min(0).max(100).nullable().default(null),
  note: optionalText(2000),
});
export type AssessmentInput = z.input<typeof AssessmentInput>;
export const Assessment = z.object({
  id: z.uuid(),
  year: z.number().int(),
  grade: AssessmentGrade,
  score: z.number().int().nullable(),
  note: z.string(),
  /** Whether the year's evidence met the criteria when the assessment was saved. */
  metCriteria: z.boolean(),
  assessorName: z.string(),
  assessedAt: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;

export const PlatformSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  kind: PlatformKind,
  level: PlatformLevel,
  tier: PlatformTier,
  industryId: z.uuid().nullable(),
  industryName: z.string().nullable(),
  city: z.string(),
  partnerNames: z.array(z.string()),
  /** Operating in the asked year (its evidence, else the year before's, meets the criteria). */
  isOperating: z.boolean(),
  latestEvidenceYear: z.number().int().nullable(),
  latestGrade: AssessmentGrade.nullable(),
});
export type PlatformSummary = z.infer<typeof PlatformSummary>;

export const PlatformDetail = PlatformSummary.extend({
  establishedOn: z.string().nullable(),
  description: z.string(),
  partners: z.array(Partner),
  evidence: z.array(Evidence),
  assessments: z.array(Assessment),
  projects: z.array(z.object({ id: z.uuid(), title: z.string(), stage: z.string() })),
  recruitment: z.array(z.object({ id: z.uuid(), instituteName: z.string(), stage: z.string() })),
  criteria: CriteriaAnswer,
  year: z.number().int(),
});
export type PlatformDetail = z.infer<typeof PlatformDetail>;

const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
export const PlatformListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: PlatformKind.optional(),
  level: PlatformLevel.optional(),
  tier: PlatformTier.optional(),
  industryId: z.uuid().optional(),
  isOperating: flag,
  /** The year "operating" is judged for; default the current year. */
  year: year.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PlatformListQuery = z.input<typeof PlatformListQuery>;
export const PlatformPage = pageOf(PlatformSummary);
export type PlatformPage = z.infer<typeof PlatformPage>;

export const ProjectLinksInput = z.object({ projectIds: z.array(z.uuid()).max(200) });
export type ProjectLinksInput = z.input<typeof ProjectLinksInput>;
