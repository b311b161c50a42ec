import type { IncubateeDetail, IncubateeStage } from '@gaodi/contracts';
import { Steps, Typography } from 'antd';
import { useI18n } from '../../ui/i18n.tsx';
import { stageLabel } from './incubation-labels.ts';

/**
 * The whole path of one incubatee across carriers and cities: every entry, move, graduation and
 * exit in order, with the carrier and the city it was in (an enclave step shows its city).
 */
export function ChainView({ incubatee: n }: { incubatee: IncubateeDetail }) {
  const { t, lang } = useI18n();
  const last = n.chain.length - 1;
  return (
    <Steps
      size="small"
      current={last}
      status={n.stage === 'exited' ? 'error' : n.stage === 'graduated' ? 'finish' : 'process'}
      responsive
      data-testid="chain-view"
      items={n.chain.map((s, i) => ({
        title: stageLabel(s.toStage as IncubateeStage, lang),
        subTitle: s.on,
        description: (
          <div data-testid={`chain-step-${i}`}>
            <div>{s.carrierName ?? '—'}</div>
            {s.cityName && <Typography.Text type="secondary">{s.cityName}</Typography.Text>}
            {s.text && s.text !== '阶段变更' && s.text !== '入驻' && (
              <div>
                <Typography.Text type="secondary">{s.text}</Typography.Text>
              </div>
            )}
            {i === 0 && <Typography.Text type="secondary">{t('inc.entry')}</Typography.Text>}
          </div>
        ),
      }))}
    />
  );
}
