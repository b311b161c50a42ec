import {
  ASSESSMENT_GRADE_LABELS,
  DEGREE_LABELS,
  EMPLOYER_KIND_LABELS,
  GENDER_LABELS,
  GROUP_KIND_LABELS,
  PARTNER_KIND_LABELS,
  PARTNER_ROLE_LABELS,
  PLATFORM_KIND_LABELS,
  PLATFORM_LEVEL_LABELS,
  PLATFORM_TIER_LABELS,
  TALENT_MODE_LABELS,
  TITLE_RANK_LABELS,
} from '@gaodi/contracts';
import type { Lang } from '../../ui/i18n.tsx';

type Pairs<K extends string> = Record<K, { zh: string; en: string }>;
const pair = <K extends string>(zh: Record<K, string>, en: Record<K, string>): Pairs<K> =>
  Object.fromEntries(
    Object.entries(zh).map(([k, v]) => [k, { zh: v as string, en: en[k as K] }]),
  ) as Pairs<K>;

/** The contracts' Chinese labels with their English, for platforms and talents. */
export const KIND = pair(PLATFORM_KIND_LABELS, {
  joint_lab: 'Joint lab',
  innovation_center: 'Technology innovation centre',
  research_institute: 'Industrial technology research institute',
  science_park: 'University science-park branch',
  engineering_center: 'Engineering research centre',
  enclave_incubator: 'Enclave incubation centre',
  key_lab: 'Key lab',
  new_rd_institution: 'New R&D institution',
  other: 'Other',
});
export const LEVEL = pair(PLATFORM_LEVEL_LABELS, {
  national: 'National',
  provincial: 'Provincial',
  municipal: 'Municipal',
  county: 'County',
});
export const TIER = pair(PLATFORM_TIER_LABELS, {
  comprehensive: '“1” comprehensive',
  leading: '“4” leading industry',
  other: '“N” other',
});
export const PARTNER_KIND = pair(PARTNER_KIND_LABELS, {
  enterprise: 'Enterprise',
  institute: 'Institute',
  government: 'Government body',
});
export const PARTNER_ROLE = pair(PARTNER_ROLE_LABELS, {
  lead_builder: 'Lead builder',
  co_builder: 'Co-builder',
  operator: 'Operator',
});
export const GRADE = pair(ASSESSMENT_GRADE_LABELS, {
  excellent: 'Excellent',
  good: 'Good',
  pass: 'Pass',
  fail: 'Fail',
});
export const GENDER = pair(GENDER_LABELS, { male: 'Male', female: 'Female' });
export const DEGREE = pair(DEGREE_LABELS, {
  phd: 'PhD',
  master: 'Master',
  bachelor: 'Bachelor',
  other: 'Other',
});
export const TITLE_RANK = pair(TITLE_RANK_LABELS, {
  senior: 'Senior',
  associate: 'Associate senior',
  intermediate: 'Intermediate',
  none: 'None',
});
export const EMPLOYER_KIND = pair(EMPLOYER_KIND_LABELS, {
  enterprise: 'Enterprise',
  institute: 'Institute',
  platform: 'Platform',
  other: 'Other',
});
export const GROUP_KIND = pair(GROUP_KIND_LABELS, {
  alliance: 'Talent alliance',
  phd_group: 'PhD group',
  other: 'Other',
});
export const MODE = pair(TALENT_MODE_LABELS, { arrival: 'Gathered', cultivation: 'Cultivated' });

export const label = <K extends string>(labels: Pairs<K>, key: K, lang: Lang) => labels[key]?.[lang] ?? key;
export const options = <K extends string>(labels: Pairs<K>, lang: Lang) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value][lang] }));
/** Fen as 万元 (2 decimals). */
export const wan = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
