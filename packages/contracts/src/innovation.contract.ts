import { z } from 'zod';
import { optionalText, text } from './common.contract.ts';

/** Innovation platforms (创新平台), minimal for now: what recruitment needs to link an operating institute. */
export const PLATFORM_KINDS = [
  'joint_lab',
  'innovation_center',
  'research_institute',
  'science_park',
  'enclave_incubator',
  'other',
] as const;
export const PlatformKind = z.enum(PLATFORM_KINDS);
export const PLATFORM_KIND_LABELS: Record<(typeof PLATFORM_KINDS)[number], string> = {
  joint_lab: '联合实验室',
  innovation_center: '技术创新中心',
  research_institute: '产业技术研究院',
  science_park: '大学科技园分园',
  enclave_incubator: '飞地孵化中心',
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
