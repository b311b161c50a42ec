import { LIGHT_LABELS, type LightReason, type LightState, translateMessage } from '@gaodi/contracts';
import { Badge, Tag, Tooltip } from 'antd';
import type { Lang } from '../../ui/i18n.tsx';

type Light = LightState['light'];
const LIGHT_EN: Record<Light, string> = {
  green: 'Green',
  yellow: 'Yellow',
  red: 'Red',
  none: 'Not supervised',
};
const LIGHT_COLOR: Record<Light, string> = { green: 'green', yellow: 'gold', red: 'red', none: 'default' };

export const lightLabel = (l: Light, lang: Lang) => (lang === 'en' ? LIGHT_EN[l] : LIGHT_LABELS[l]);

/** Why an item has its light, in the user's language (the server stores the reasons in Chinese). */
export const lightReasonsText = (reasons: LightReason[], lang: Lang) =>
  reasons.map((r) => translateMessage(r.message, lang)).join(lang === 'en' ? '; ' : '；');

/** A reason stored as text (a proposal's: the light's reasons joined with ；, or a person's note). */
export const storedReasonText = (text: string, lang: Lang) =>
  lang === 'en'
    ? text
        .split('；')
        .map((part) => translateMessage(part, lang))
        .join('; ')
    : text;

/**
 * The supervision light of any supervised item (recruitment record, project…) with its reasons on
 * hover: the one light shown wherever an item appears.
 */
export function LightTag({
  light,
  lang,
  compact,
}: {
  light: LightState | Pick<LightState, 'light'> | null;
  lang: Lang;
  compact?: boolean;
}) {
  if (!light) return <span>—</span>;
  const why = 'reasons' in light ? lightReasonsText(light.reasons, lang) : '';
  const tag = compact ? (
    <Badge color={LIGHT_COLOR[light.light]} text={lightLabel(light.light, lang)} />
  ) : (
    <Tag color={LIGHT_COLOR[light.light]} data-testid={`light-${light.light}`}>
      {lightLabel(light.light, lang)}
    </Tag>
  );
  return why ? <Tooltip title={why}>{tag}</Tooltip> : tag;
}
