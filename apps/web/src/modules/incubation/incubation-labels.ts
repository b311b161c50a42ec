import {
  CARRIER_KIND_LABELS,
  CARRIER_KINDS,
  type Carrier,
  type CarrierKind,
  CERT_LEVEL_LABELS,
  CERT_LEVELS,
  INCUBATEE_STAGE_LABELS,
  INCUBATEE_STAGES,
  type IncubateeStage,
} from '@gaodi/contracts';
import type { Lang } from '../../ui/i18n.tsx';

/** English for the contracts' Chinese labels of carriers and stages. */
const KIND_EN: Record<CarrierKind, string> = {
  maker_space: 'Maker space',
  incubator: 'Incubator',
  accelerator: 'Accelerator',
  park: 'Industrial park',
};
const CERT_EN: Record<(typeof CERT_LEVELS)[number], string> = {
  national: 'National',
  provincial: 'Provincial',
  municipal: 'Municipal',
  none: 'Not certified',
};
const STAGE_EN: Record<IncubateeStage, string> = {
  maker_space: 'Maker space',
  incubator: 'Incubator',
  accelerator: 'Accelerator',
  park: 'Industrial park',
  graduated: 'Graduated',
  exited: 'Exited',
};

export const kindLabel = (k: CarrierKind, lang: Lang) =>
  lang === 'en' ? KIND_EN[k] : CARRIER_KIND_LABELS[k];
export const certLabel = (c: (typeof CERT_LEVELS)[number], lang: Lang) =>
  lang === 'en' ? CERT_EN[c] : CERT_LEVEL_LABELS[c];
export const stageLabel = (s: IncubateeStage, lang: Lang) =>
  lang === 'en' ? STAGE_EN[s] : INCUBATEE_STAGE_LABELS[s];

export const kindOptions = (lang: Lang) =>
  CARRIER_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }));
export const certOptions = (lang: Lang) => CERT_LEVELS.map((c) => ({ value: c, label: certLabel(c, lang) }));
export const stageOptions = (lang: Lang) =>
  INCUBATEE_STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }));

export const STAGE_COLOR: Record<IncubateeStage, string> = {
  maker_space: 'cyan',
  incubator: 'blue',
  accelerator: 'geekblue',
  park: 'purple',
  graduated: 'green',
  exited: 'default',
};

/** Seats used of seats (or m² used of m² when the carrier counts no seats), in per cent. */
export function occupancyOf(c: Pick<Carrier, 'seats' | 'areaM2' | 'seatsUsed' | 'areaUsed'>): number | null {
  if (c.seats > 0 && c.seatsUsed !== null) return Math.round((c.seatsUsed / c.seats) * 100);
  if (c.areaM2 > 0 && c.areaUsed !== null) return Math.round((c.areaUsed / c.areaM2) * 100);
  return null;
}
