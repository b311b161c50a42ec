import { GRADE_LABELS, type Grade, LIGHT_LABELS, type LightState, type Stage } from '@gaodi/contracts';
import { Badge, Tag, Tooltip } from 'antd';
import type { Lang } from '../../ui/i18n.tsx';
import { stageNameOf } from '../settings/use-stage-labels.ts';

const GRADE_EN: Record<Grade, string> = { A: 'A push hard', B: 'B normal', C: 'C reserve' };
const LIGHT_EN = { green: 'Green', yellow: 'Yellow', red: 'Red', none: 'Not supervised' } as const;
const LIGHT_COLOR = { green: 'green', yellow: 'gold', red: 'red', none: 'default' } as const;
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
export const lightLabel = (l: LightState['light'], lang: Lang) =>
  lang === 'en' ? LIGHT_EN[l] : LIGHT_LABELS[l];
export const kindLabelEn = (k: keyof typeof KIND_EN) => KIND_EN[k];

/** The light with its reasons on hover: shown wherever a record appears. */
export function LightTag({ light, lang, compact }: { light: LightState; lang: Lang; compact?: boolean }) {
  const why = light.reasons.map((r) => r.message).join('；');
  const tag = compact ? (
    <Badge
      color={LIGHT_COLOR[light.light] === 'gold' ? 'gold' : LIGHT_COLOR[light.light]}
      text={lightLabel(light.light, lang)}
    />
  ) : (
    <Tag color={LIGHT_COLOR[light.light]} data-testid={`light-${light.light}`}>
      {lightLabel(light.light, lang)}
    </Tag>
  );
  return why ? <Tooltip title={why}>{tag}</Tooltip> : tag;
}

export function GradeTag({ grade, lang }: { grade: Grade; lang: Lang }) {
  const color = grade === 'A' ? 'volcano' : grade === 'B' ? 'blue' : 'default';
  return <Tag color={color}>{lang === 'en' ? grade : gradeLabel(grade, lang).slice(0, 1)}</Tag>;
}
