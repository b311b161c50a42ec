import {
  ENTERPRISE_SCALES,
  INSTITUTE_KIND_LABELS,
  INSTITUTE_KINDS,
  INSTITUTE_LEVEL_LABELS,
  INSTITUTE_LEVELS,
  SCALE_LABELS,
} from '@gaodi/contracts';
import type { Lang } from '../../ui/i18n.tsx';

type Scale = (typeof ENTERPRISE_SCALES)[number];
type Kind = (typeof INSTITUTE_KINDS)[number];
type Level = (typeof INSTITUTE_LEVELS)[number];

const SCALE_EN: Record<Scale, string> = { large: 'Large', medium: 'Medium', small: 'Small', micro: 'Micro' };
const KIND_EN: Record<Kind, string> = {
  university: 'University',
  cas: 'CAS institute',
  research: 'Research institute',
  enterprise_rd: 'Enterprise R&D',
  other: 'Other',
};
const LEVEL_EN: Record<Level, string> = {
  national: 'National',
  provincial: 'Provincial',
  municipal: 'Municipal',
  other: 'Other',
};

export const scaleLabel = (scale: Scale, lang: Lang) =>
  lang === 'zh' ? SCALE_LABELS[scale] : SCALE_EN[scale];
export const kindLabel = (kind: Kind, lang: Lang) =>
  lang === 'zh' ? INSTITUTE_KIND_LABELS[kind] : KIND_EN[kind];
export const levelLabel = (level: Level, lang: Lang) =>
  lang === 'zh' ? INSTITUTE_LEVEL_LABELS[level] : LEVEL_EN[level];

export const scaleOptions = (lang: Lang) =>
  ENTERPRISE_SCALES.map((value) => ({ value, label: scaleLabel(value, lang) }));
export const kindOptions = (lang: Lang) =>
  INSTITUTE_KINDS.map((value) => ({ value, label: kindLabel(value, lang) }));
export const levelOptions = (lang: Lang) =>
  INSTITUTE_LEVELS.map((value) => ({ value, label: levelLabel(value, lang) }));
