import { fieldLabel } from '@gaodi/contracts';
import type { z } from 'zod';
import type { Lang } from './i18n.tsx';

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The fields a 409 VERSION_CONFLICT names (the record's columns its last change touched, e.g.
 * `contact_phone`) as the form labels them (联系电话), in the user's language, each once. Columns
 * the form has no field for (the stage, deletion) are named together by `other`.
 */
export function changedFieldLabels(changed: readonly string[], schema: z.ZodType, lang: Lang, other: string) {
  const unlabelled = fieldLabel(schema, ['\u0000']);
  const labels = changed.map((column) => {
    const label = fieldLabel(schema, [camel(column)]);
    return label === unlabelled ? other : label[lang === 'zh' ? 0 : 1];
  });
  return [...new Set(labels)].sort((a, b) => Number(a === other) - Number(b === other));
}
