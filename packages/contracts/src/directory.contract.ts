import { z } from 'zod';
import { optionalText, pageOf, text } from './common.contract.ts';
import { explainCreditCode } from './credit-code.ts';

export const Industry = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  isLeading: z.boolean(),
  sortOrder: z.number().int(),
});
export type Industry = z.infer<typeof Industry>;

export const IndustryInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,32}$/, '代码为 2–32 位小写字母、数字或连字符'),
  name: text(40),
  nameEn: text(80),
  isLeading: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(999).default(0),
});
export type IndustryInput = z.infer<typeof IndustryInput>;

export const ENTERPRISE_SCALES = ['large', 'medium', 'small', 'micro'] as const;
export const EnterpriseScale = z.enum(ENTERPRISE_SCALES);
export const SCALE_LABELS: Record<(typeof ENTERPRISE_SCALES)[number], string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

export const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = explainCreditCode(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const Phone = z
  .string()
  .trim()
  .regex(/^$|^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
  .default('');

export const EnterpriseInput = z.object({
  creditCode: CreditCode,
  name: text(100),
  industryId: z.uuid().nullable().default(null),
  scale: EnterpriseScale,
  address: optionalText(200),
  contactName: optionalText(40),
  contactPhone: Phone,
});
export type EnterpriseInput = z.input<typeof EnterpriseInput>;

export const Enterprise = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  regionName: z.string(),
  creditCode: z.string(),
  name: z.string(),
  industryId: z.uuid().nullable(),
  industryName: z.string().nullable(),
  scale: EnterpriseScale,
  address: z.string(),
  contactName: z.string(),
  /** Masked (138****5678) for users who may not edit the record. */
  contactPhone: z.string(),
  isDeleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof Enterprise>;

const sortOrder = z.enum(['asc', 'desc']).default('asc');
export const EnterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  industryId: z.uuid().optional(),
  scale: EnterpriseScale.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude'),
  sort: z.enum(['name', 'createdAt', 'creditCode']).default('createdAt'),
  order: sortOrder,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type EnterpriseListQuery = z.input<typeof EnterpriseListQuery>;
export const EnterprisePage = pageOf(Enterprise);
export type EnterprisePage = z.infer<typeof EnterprisePage>;

export const INSTITUTE_KINDS = ['university', 'cas', 'research', 'enterprise_rd', 'other'] as const;
export const InstituteKind = z.enum(INSTITUTE_KINDS);
export const INSTITUTE_KIND_LABELS: Record<(typeof INSTITUTE_KINDS)[number], string> = {
  university: '高校',
  cas: '中科院院所',
  research: '科研院所',
  enterprise_rd: '企业研发机构',
  other: '其他',
};
export const INSTITUTE_LEVELS = ['national', 'provincial', 'municipal', 'other'] as const;
export const InstituteLevel = z.enum(INSTITUTE_LEVELS);
export const INSTITUTE_LEVEL_LABELS: Record<(typeof INSTITUTE_LEVELS)[number], string> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  other: '其他',
};

export const InstituteInput = z.object({
  name: text(100),
  kind: InstituteKind,
  level: InstituteLevel,
  city: optionalText(40),
});
export type InstituteInput = z.input<typeof InstituteInput>;

export const Institute = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  name: z.string(),
  kind: InstituteKind,
  level: InstituteLevel,
  city: z.string(),
  /** Short names it is also found by (北工大, 山大, 中科院). */
  aliases: z.array(z.string()).default([]),
  isDeleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Institute = z.infer<typeof Institute>;

/** 别名: the short names an institute is also found by, edited on its page. */
export const InstituteAliasesInput = z.object({
  aliases: z
    .array(z.string().trim().min(1, '别名不能为空').max(20, '别名最多 20 个字'))
    .max(20, '别名最多 20 个'),
});
export type InstituteAliasesInput = z.input<typeof InstituteAliasesInput>;

export const InstituteListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  kind: InstituteKind.optional(),
  level: InstituteLevel.optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude'),
  sort: z.enum(['name', 'createdAt']).default('createdAt'),
  order: sortOrder,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InstituteListQuery = z.input<typeof InstituteListQuery>;
export const InstitutePage = pageOf(Institute);

export const ExpertInput = z.object({
  instituteId: z.uuid(),
  name: text(40),
  title: optionalText(40),
  field: optionalText(100),
  phone: Phone,
});
export type ExpertInput = z.input<typeof ExpertInput>;

export const Expert = z.object({
  id: z.uuid(),
  regionCode: z.string(),
  instituteId: z.uuid(),
  instituteName: z.string(),
  name: z.string(),
  title: z.string(),
  field: z.string(),
  phone: z.string(),
  isDeleted: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Expert = z.infer<typeof Expert>;

export const ExpertListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  instituteId: z.uuid().optional(),
  deleted: z.enum(['exclude', 'only']).default('exclude'),
  sort: z.enum(['name', 'createdAt']).default('createdAt'),
  order: sortOrder,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ExpertListQuery = z.input<typeof ExpertListQuery>;
export const ExpertPage = pageOf(Expert);

/** One row of an import preview: either accepted (with what it will do) or rejected with reasons. */
export const ImportRowProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowProblem = z.infer<typeof ImportRowProblem>;

export const ImportPreview = z.object({
  /** Pass back to confirm; the upload is kept server-side until then. */
  token: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  problems: z.array(ImportRowProblem),
  /** How many problems in all; `problems` holds the first 200. */
  problemCount: z.number().int(),
  /** The full list as .xlsx (GET this path) when there are more than `problems` shows. */
  problemsFile: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportConfirmInput = z.object({ token: z.string().min(10).max(100) });
export const ImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;
