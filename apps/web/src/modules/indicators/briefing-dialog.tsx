import { Form, Input, Modal, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { downloadBriefing } from './use-indicators.ts';

/** The months of `year` that have ended (China time), newest first, as YYYY-MM. */
function endedMonths(year: number): string[] {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const last = year < now.getUTCFullYear() ? 12 : now.getUTCMonth();
  return Array.from({ length: last }, (_, i) => `${year}-${String(last - i).padStart(2, '0')}`);
}

/** 工作专报: the office picks the month or quarter, the issue number and writes the next steps, then downloads. */
export function BriefingDialog({
  year,
  region,
  onClose,
}: {
  year: number;
  region?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const months = endedMonths(year);
  const [period, setPeriod] = useState(months[0]);
  const [kind, setKind] = useState<'monthly' | 'quarterly'>('monthly');
  const [number, setNumber] = useState('');
  const [issuer, setIssuer] = useState('');
  const [nextSteps, setNextSteps] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  return (
    <Modal
      open
      title={t('ind.briefing')}
      okText={t('ind.download')}
      okButtonProps={{ disabled: !period, loading: isBusy }}
      onCancel={onClose}
      onOk={async () => {
        if (!period) return;
        setIsBusy(true);
        try {
          await downloadBriefing({
            period,
            kind,
            region,
            number: number || undefined,
            issuer: issuer || undefined,
            nextSteps,
          });
          onClose();
        } finally {
          setIsBusy(false);
        }
      }}
    >
      <Form layout="vertical">
        <Form.Item label={t('ind.briefingKind')}>
          <Segmented
            value={kind}
            onChange={(v) => setKind(v as 'monthly' | 'quarterly')}
            options={[
              { value: 'monthly', label: t('ind.monthly') },
              { value: 'quarterly', label: t('ind.quarterly') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('ind.briefingPeriod')}>
          <Select value={period} onChange={setPeriod} options={months.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item label={t('ind.briefingNumber')}>
          <Input value={number} maxLength={40} onChange={(e) => setNumber(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('ind.briefingIssuer')}>
          <Input value={issuer} maxLength={60} onChange={(e) => setIssuer(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('ind.nextSteps')}>
          <Input.TextArea
            rows={5}
            maxLength={4000}
            value={nextSteps}
            onChange={(e) => setNextSteps(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
