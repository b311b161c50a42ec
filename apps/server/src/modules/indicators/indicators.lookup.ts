import type { IndicatorCode } from '@gaodi/contracts';
import { INDICATORS, type IndicatorDefinition } from './indicators.definitions.ts';
import { FUNNEL } from './indicators.funnel.ts';

const ALL_DEFINITIONS: readonly IndicatorDefinition[] = [...INDICATORS, ...FUNNEL];

/** The definition behind a code: one of the article's figures or a step of the funnel. */
export function definitionOf(code: IndicatorCode): IndicatorDefinition {
  const def = ALL_DEFINITIONS.find((d) => d.code === code);
  if (!def) throw new Error(`indicator ${code} is not defined`);
  return def;
}
