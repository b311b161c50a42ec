import {
  NEED_STAGE_LABELS,
  type NeedStage,
  PROJECT_STAGE_LABELS,
  type StagePipeline,
} from '@gaodi/contracts';
import { Tag } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { formatMoney } from '../../ui/format.ts';
import { documentLang, type Lang } from '../../ui/i18n.tsx';
import { stageNameOf } from '../settings/use-stage-labels.ts';

/** The stage label maps of the contracts: their names are the office's (阶段名称), not fixed. */
const PIPELINE_OF = new Map<object, StagePipeline>([
  [NEED_STAGE_LABELS, 'need'],
  [PROJECT_STAGE_LABELS, 'project'],
]);

/**
 * A contract label pair ({ zh, en }) in the user's language. Given a pipeline's stage labels
 * (NEED_STAGE_LABELS, PROJECT_STAGE_LABELS) it answers the office's stage name.
 */
export const labelOf = <K extends string>(
  labels: Record<K, { zh: string; en: string }>,
  key: K,
  lang: Lang,
) => {
  const pipeline = PIPELINE_OF.get(labels);
  return pipeline ? stageNameOf(pipeline, key, lang) : (labels[key]?.[lang] ?? key);
};

export const optionsOf = <K extends string>(labels: Record<K, { zh: string; en: string }>, lang: Lang) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labelOf(labels, value, lang) }));

const NEED_STAGE_COLORS: Record<NeedStage, string> = {
  collected: 'default',
  reviewed: 'blue',
  published: 'cyan',
  matching: 'gold',
  contracted: 'green',
  closed: 'default',
};
export const needStageColor = (stage: NeedStage) => NEED_STAGE_COLORS[stage];

/** Money in the page's language (formatMoney: 12.5 万元 / ¥125K; no amount is —). */
export const yuan = (fen: number | null | undefined) => formatMoney(fen, documentLang());

/**
 * Marks the matched terms in a text (the engine's explanation): longest terms first, so 蒜氨酸 wins
 * over its bigram 蒜氨. Bigram terms carry a leading '#'.
 */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }): ReactNode {
  const words = [...new Set(terms.map((t) => t.replace(/^#/, '')).filter((t) => t.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  if (words.length === 0) return text;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text, in order
      <mark key={i} className="match-term">
        {part}
      </mark>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: see above
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/** The words (not bigrams) that explain a match, as tags. */
export function TermTags({ terms }: { terms: readonly string[] }) {
  return (
    <>
      {terms
        .filter((t) => !t.startsWith('#'))
        .slice(0, 8)
        .map((t) => (
          <Tag key={t} color="orange">
            {t}
          </Tag>
        ))}
    </>
  );
}
