import { z } from 'zod';
import { IdParams, optionalText, pageOf, text } from './common.contract.ts';
import { ImportConfirmInput, ImportPreview } from './directory.contract.ts';
import { ImportJob } from './import-jobs.contract.ts';
import { PlatformLevel } from './innovation.contract.ts';
import { defineRoute } from './route.ts';

/**
 * Talent (人才): the registry with programmes from the region's catalogue, groups, arrival (引进) or
 * cultivation (培养), links to projects, platforms and recruitment records. Phone and ID number
 * are stored encrypted and shown masked to anyone but the talent's owner.
 */
export const GENDERS = ['male', 'female'] as const;
export const Gender = z.enum(GENDERS);
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { male: '男', female: '女' };
export const DEGREES = ['phd', 'master', 'bachelor', 'other'] as const;
export const Degree = z.enum(DEGREES);
export type Degree = z.infer<typeof Degree>;
export const DEGREE_LABELS: Record<Degree, string> = {
  phd: '博士',
  master: '硕士',
  bachelor: '学士',
  other: '其他',
};
/** 职称 rank: 正高 / 副高 / 中级 / none. */
export const TITLE_RANKS = ['senior', 'associate', 'intermediate', 'none'] as const;
export const TitleRank = z.enum(TITLE_RANKS);
export type TitleRank = z.infer<typeof TitleRank>;
export const TITLE_RANK_LABELS: Record<TitleRank, string> = {
  senior: '正高级',
  associate: '副高级',
  intermediate: '中级',
  none: '无',
};
export const EMPLOYER_KINDS = ['enterprise', 'institute', 'platform', 'other'] as const;
export const EmployerKind = z.enum(EMPLOYER_KINDS);
export type EmployerKind = z.infer<typeof EmployerKind>;
export const EMPLOYER_KIND_LABELS: Record<EmployerKind, string> = {
  enterprise: '企业',
  institute: '院所',
  platform: '创新平台',
  other: '其他',
};
/** 引进 (gathered: arrived from elsewhere) or 培养 (cultivated locally). */
export const TALENT_MODES = ['arrival', 'cultivation'] as const;
export const TalentMode = z.enum(TALENT_MODES);
export type TalentMode = z.infer<typeof TalentMode>;
export const TALENT_MODE_LABELS: Record<TalentMode, string> = { arrival: '引进', cultivation: '培养' };
export const GROUP_KINDS = ['alliance', 'phd_group', 'other'] as const;
export const GroupKind = z.enum(GROUP_KINDS);
export const GROUP_KIND_LABELS: Record<(typeof GROUP_KINDS)[number], string> = {
  alliance: '人才联盟',
  phd_group: '博士团',
  other: '其他',
};

/** A programme of the region's catalogue (泰山产业领军人才, 泰山学者…). */
export const TalentProgrammeInput = z.object({
  name: text(60),
  level: PlatformLevel,
  /** Counts as a leading talent (领军人才) in the figures. */
  isLeading: z.boolean().default(false),
  sortOrder: z.coerce.number().int().min(0).max(999).default(0),
});
export type TalentProgrammeInput = z.input<typeof TalentProgrammeInput>;
export const TalentProgramme = z.object({
  id: z.uuid(),
  name: z.string(),
  level: PlatformLevel,
  isLeading: z.boolean(),
  sortOrder: z.number().int(),
});
export type TalentProgramme = z.infer<typeof TalentProgramme>;
export const TalentGroupInput = z.object({ name: text(60), kind: GroupKind });
export type TalentGroupInput = z.input<typeof TalentGroupInput>;
export const TalentGroup = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: GroupKind,
  members: z.number().int(),
});
export type TalentGroup = z.infer<typeof TalentGroup>;
export const TalentCatalogue = z.object({
  programmes: z.array(TalentProgramme),
  groups: z.array(TalentGroup),
});
export type TalentCatalogue = z.infer<typeof TalentCatalogue>;

const year = z.coerce.number().int().min(1950).max(2100);
/** Mainland resident ID: 17 digits and a check character (digit or X). */
export const ID_NUMBER = /^\d{17}[\dX]$/;
/** Empty or masked (as shown to non-owners and exported): the stored value stays. */
const idNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => s === '' || s.includes('*') || ID_NUMBER.test(s), '身份证号应为 18 位（最后一位可为 X）');
const phone = z
  .string()
  .trim()
  .refine((s) => s === '' || s.includes('*') || /^[\d\-+ ]{7,20}$/.test(s), '电话号码格式不正确');

export const TalentInput = z
  .object({
    name: text(40),
    gender: Gender,
    birthYear: year.nullable().default(null),
    degree: Degree,
    title: optionalText(40),
    titleRank: TitleRank.default('none'),
    employerKind: EmployerKind,
    enterpriseId: z.uuid().nullable().default(null),
    instituteId: z.uuid().nullable().default(null),
    employerPlatformId: z.uuid().nullable().default(null),
    employerName: optionalText(100),
    field: optionalText(60),
    industryId: z.uuid().nullable().default(null),
    phone: phone.default(''),
    idNumber: idNumber.default(''),
    mode: TalentMode,
    /** The day the talent arrived (引进); required for arrivals. */
    arrivedOn: z.iso.date().nullable().default(null),
    awards: z
      .array(z.object({ programmeId: z.uuid(), year }))
      .max(20)
      .default([]),
    groupIds: z.array(z.uuid()).max(20).default([]),
    platformIds: z.array(z.uuid()).max(20).default([]),
    projectIds: z.array(z.uuid()).max(50).default([]),
    recruitmentIds: z.array(z.uuid()).max(20).default([]),
  })
  .superRefine((t, ctx) => {
    if (t.mode === 'arrival' && !t.arrivedOn)
      ctx.addIssue({ code: 'custom', path: ['arrivedOn'], message: '引进人才须填写引进日期' });
    if (t.employerKind === 'enterprise' && !t.enterpriseId)
      ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择企业' });
    if (t.employerKind === 'institute' && !t.instituteId)
      ctx.addIssue({ code: 'custom', path: ['instituteId'], message: '请选择院所' });
    if (t.employerKind === 'platform' && !t.employerPlatformId)
      ctx.addIssue({ code: 'custom', path: ['employerPlatformId'], message: '请选择创新平台' });
  });
export type TalentInput = z.input<typeof TalentInput>;

const Ref = z.object({ id: z.uuid(), name: z.string() });
export const TalentSummary = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  gender: Gender,
  birthYear: z.number().int().nullable(),
  degree: Degree,
  title: z.string(),
  titleRank: TitleRank,
  employerKind: EmployerKind,
  employerName: z.string(),
  field: z.string(),
  industryId: z.uuid().nullable(),
  industryName: z.string().nullable(),
  mode: TalentMode,
  arrivedOn: z.string().nullable(),
  /** Programme names with years, e.g. "泰山产业领军人才（2026）". */
  programmes: z.array(z.string()),
  isLeading: z.boolean(),
  isHighLevel: z.boolean(),
  /** Masked (138****5678) unless the caller owns the talent. */
  phone: z.string(),
  idNumber: z.string(),
  isOwner: z.boolean(),
});
export type TalentSummary = z.infer<typeof TalentSummary>;

export const Talent = TalentSummary.extend({
  enterpriseId: z.uuid().nullable(),
  instituteId: z.uuid().nullable(),
  employerPlatformId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  awards: z.array(z.object({ programmeId: z.uuid(), programmeName: z.string(), year: z.number().int() })),
  groups: z.array(Ref),
  platforms: z.array(Ref),
  projects: z.array(Ref),
  recruitment: z.array(Ref),
  /** The service-station requests (帮办诉求) raised for this talent: name is "number · title". */
  serviceRequests: z.array(Ref),
  createdAt: z.string(),
});
export type Talent = z.infer<typeof Talent>;

export const TalentListQuery = z.object({
  q: z.string().trim().max(40).optional(),
  industryId: z.uuid().optional(),
  programmeId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  platformId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  mode: TalentMode.optional(),
  degree: Degree.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TalentListQuery = z.input<typeof TalentListQuery>;
export const TalentPage = pageOf(TalentSummary);
export type TalentPage = z.infer<typeof TalentPage>;

export const TalentLookupInput = z.object({ idNumber });
export const TalentLookup = z.object({ talent: Ref.nullable() });

// ---- routes ----------------------------------------------------------------------------------

const tags = ['talents'];
const read = { resource: 'talent', action: 'read' } as const;
export const ListTalentsRoute = defineRoute({
  method: 'GET',
  path: '/api/talents',
  summary: '人才列表（按产业、人才计划、人才组织、平台、项目、引进/培养筛选）',
  tags,
  access: read,
  query: TalentListQuery,
  response: TalentPage,
});
export const CreateTalentRoute = defineRoute({
  method: 'POST',
  path: '/api/talents',
  summary: '登记人才（同一身份证号不重复登记）',
  tags,
  access: { resource: 'talent', action: 'create' },
  body: TalentInput,
  response: Talent,
});
export const GetTalentRoute = defineRoute({
  method: 'GET',
  path: '/api/talents/:id',
  summary: '人才详情（非负责人看到脱敏的电话和身份证号）',
  tags,
  access: read,
  params: IdParams,
  response: Talent,
});
export const UpdateTalentRoute = defineRoute({
  method: 'PUT',
  path: '/api/talents/:id',
  summary: '修改人才（电话、身份证号留空则不变）',
  tags,
  access: { resource: 'talent', action: 'update' },
  params: IdParams,
  body: TalentInput,
  response: Talent,
});
export const LookupTalentRoute = defineRoute({
  method: 'POST',
  path: '/api/talents/lookup',
  summary: '按身份证号查重（比对密钥散列，不解密）',
  tags,
  access: { resource: 'talent', action: 'create' },
  body: TalentLookupInput,
  response: TalentLookup,
});
export const GetTalentCatalogueRoute = defineRoute({
  method: 'GET',
  path: '/api/talent-catalogue',
  summary: '本区域人才计划目录与人才组织',
  tags,
  access: read,
  response: TalentCatalogue,
});
export const AddTalentProgrammeRoute = defineRoute({
  method: 'POST',
  path: '/api/talent-catalogue/programmes',
  summary: '新增人才计划',
  tags,
  access: { resource: 'talent', action: 'update' },
  body: TalentProgrammeInput,
  response: TalentCatalogue,
});
export const AddTalentGroupRoute = defineRoute({
  method: 'POST',
  path: '/api/talent-catalogue/groups',
  summary: '新增人才组织（人才联盟、博士团…）',
  tags,
  access: { resource: 'talent', action: 'update' },
  body: TalentGroupInput,
  response: TalentCatalogue,
});
export const ExportTalentLedgerRoute = defineRoute({
  method: 'GET',
  path: '/api/talents/ledger.xlsx',
  summary: '导出人才台账（.xlsx；非负责人的电话和身份证号脱敏）',
  tags,
  access: { resource: 'talent', action: 'export' },
  kind: 'file',
});
export const PreviewTalentImportRoute = defineRoute({
  method: 'POST',
  path: '/api/talents/import',
  summary: '导入人才台账：逐行检查，返回预览（按身份证号查重）',
  tags,
  access: { resource: 'talent', action: 'import' },
  kind: 'upload',
  response: ImportPreview,
});
export const ConfirmTalentImportRoute = defineRoute({
  method: 'POST',
  path: '/api/talents/import/confirm',
  summary: '确认导入人才台账',
  tags,
  access: { resource: 'talent', action: 'import' },
  body: ImportConfirmInput,
  response: ImportJob,
});
