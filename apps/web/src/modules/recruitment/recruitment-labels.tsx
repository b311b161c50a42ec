import { GRADE_LABELS, type Grade, type Stage } from '@gaodi/contracts';
import { Tag } from 'antd';
import type { Lang } from '../../ui/i18n.tsx';
import { stageNameOf } from '../settings/use-stage-labels.ts';

const GRADE_EN: Record<Grade, string> = { A: 'A push hard', B: 'B normal', C: 'C reserve' };
const KIND_EN = {
  visit: 'Visit',
  reception: 'Reception',
  meeting: 'Meeting',
  call: 'Call',
  signing: 'Signing',
  other: 'Other',
} as const;

/** A recruitment stage's name: the office's own (阶段名称) in Chinese, the built-in one in English. */
export const stageLabel = (s: Stage, lang: Lang) => stageNameOf('recruitment', s, lang);
export const gradeLabel = (g: Grade, lang: Lang) => (lang === 'en' ? GRADE_EN[g] : GRADE_LABELS[g]);
export const kindLabelEn = (k: keyof typeof KIND_EN) => KIND_EN[k];

export function GradeTag({ grade, lang }: { grade: Grade; lang: Lang }) {
  const color = grade === 'A' ? 'volcano' : grade === 'B' ? 'blue' : 'default';
  return <Tag color={color}>{lang === 'en' ? grade : gradeLabel(grade, lang).slice(0, 1)}</Tag>;
}
