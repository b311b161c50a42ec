import { type IncubateeDetail, ReportInput } from '@gaodi/contracts';
import { Button, Drawer, Empty, Flex, Form, InputNumber, Select, Table } from 'antd';
import { useState } from 'react';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { useIncubateeActions } from './use-incubation.ts';

type Report = IncubateeDetail['reports'][number];
const FIGURES = ['revenue', 'staff', 'rdSpend', 'ipCount', 'financing'] as const;

/** 季度数据: the incubatee's quarters; the carrier's office or the incubatee fills one in on a phone-sized form. */
export function ReportsPanel({ incubatee: n }: { incubatee: IncubateeDetail }) {
  const { t } = useI18n();
  const can = useCan();
  const [isFilling, setIsFilling] = useState(false);
  return (
    <>
      <Flex justify="space-between" align="center">
        <h3>{t('inc.reports')}</h3>
        {can('incubation_report', 'update') && (
          <Button onClick={() => setIsFilling(true)} data-testid="report-fill">
            {t('inc.fillReport')}
          </Button>
        )}
      </Flex>
      {n.reports.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />
      ) : (
        <Table<Report>
          rowKey={(r) => `${r.year}-${r.quarter}`}
          size="small"
          dataSource={n.reports}
          pagination={false}
          scroll={{ x: 560 }}
          data-testid="reports"
          columns={[
            { title: t('inc.quarter'), key: 'q', render: (_, r) => `${r.year} Q${r.quarter}` },
            ...FIGURES.map((f) => ({
              title: t(`inc.report.${f}`),
              key: f,
              render: (_: unknown, r: Report) => formatNumber(r[f]),
            })),
          ]}
        />
      )}
      {isFilling && <ReportDrawer incubatee={n} onClose={() => setIsFilling(false)} />}
    </>
  );
}

/** The phone-sized form: one quarter, five figures, big inputs. */
function ReportDrawer({ incubatee: n, onClose }: { incubatee: IncubateeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { report } = useIncubateeActions(n.id);
  const today = new Date(Date.now() + 8 * 3_600_000);
  const year = today.getUTCFullYear();
  const submit = async (values: Record<string, unknown>) => {
    const input = checkWithSchema(form, ReportInput, values);
    if (!input) return;
    try {
      await report.mutateAsync(input);
      onClose();
    } catch (e) {
      showSubmitError(form, e);
    }
  };
  return (
    <Drawer open title={t('inc.fillReport')} width="min(100vw, 420px)" onClose={onClose} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        size="large"
        onFinish={submit}
        initialValues={{ year, quarter: Math.ceil((today.getUTCMonth() + 1) / 3) }}
      >
        <Flex gap={12}>
          <Form.Item name="year" label={t('inc.year')} style={{ flex: 1 }}>
            <Select options={[year - 1, year].map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          <Form.Item name="quarter" label={t('inc.quarter')} style={{ flex: 1 }}>
            <Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
          </Form.Item>
        </Flex>
        {FIGURES.map((f) => (
          <Form.Item key={f} name={f} label={t(`inc.report.${f}`)} rules={[{ required: true }]}>
            <InputNumber min={0} inputMode="decimal" style={{ width: '100%' }} data-testid={`report-${f}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" block loading={report.isPending} data-testid="report-save">
          {t('common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
