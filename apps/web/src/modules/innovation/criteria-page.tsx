import {
  GetPlatformCriteriaRoute,
  type OperatingCriteria,
  SavePlatformCriteriaRoute,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, InputNumber, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';

/** Money is typed in 万元 and kept in fen. */
const WAN = ['minEquipmentFen', 'minRdSpendingFen'] as const;
const FIELDS = [
  ['minStaff', 'inno.staff'],
  ['minAreaM2', 'inno.area'],
  ['minEquipmentFen', 'inno.equipment'],
  ['minRdSpendingFen', 'inno.rd'],
  ['minOutputs', 'inno.minOutputs'],
] as const;

/**
 * 实体化运营认定标准: the office's minimum per year of evidence (staff, space, equipment, R&D
 * spending, outputs). Everyone in the region reads them; the system administrator sets them, and
 * every platform of the region is judged again at once.
 */
export function CriteriaPage() {
  const { t } = useI18n();
  const criteria = useQuery({
    queryKey: ['platforms', 'criteria'],
    queryFn: () => call(GetPlatformCriteriaRoute, {}),
  });
  if (criteria.isPending) return <PageLoading />;
  if (criteria.isError) return <QueryError error={criteria.error} onRetry={() => criteria.refetch()} />;
  return (
    <Page
      title={t('inno.criteriaTitle')}
      testId="criteria-page"
      crumbs={[{ title: t('inno.platforms'), to: '/platforms' }, { title: t('inno.criteriaTitle') }]}
    >
      <Panel>
        <Typography.Paragraph type="secondary">{t('inno.criteriaHint')}</Typography.Paragraph>
        {criteria.data.isDefault && (
          <Tag style={{ marginBottom: 12 }} data-testid="criteria-default">
            {t('inno.criteriaDefault')}
          </Tag>
        )}
        <CriteriaForm criteria={criteria.data} />
      </Panel>
    </Page>
  );
}

/** The five minimums, editable by whoever may update the criteria (the system administrator). */
function CriteriaForm({ criteria }: { criteria: OperatingCriteria }) {
  const { t } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<OperatingCriteria>();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: OperatingCriteria) => call(SavePlatformCriteriaRoute, { body }),
    onSuccess: (saved) => {
      client.setQueryData(['platforms', 'criteria'], saved);
      void client.invalidateQueries({ queryKey: ['platforms'] });
      void client.invalidateQueries({ queryKey: ['elements'] });
    },
  });
  const canUpdate = can('platform_criteria', 'update');
  const initial: Record<string, number> = { ...criteria };
  for (const f of WAN) initial[f] = criteria[f] / 1_000_000;
  const submit = async (v: OperatingCriteria) => {
    setProblem(null);
    const body = { ...v };
    for (const f of WAN) body[f] = Math.round(Number(v[f]) * 1_000_000);
    try {
      await save.mutateAsync(body);
      message.success(t('common.saved'));
    } catch (error) {
      setProblem(showSubmitError(form, error));
    }
  };
  return (
    <>
      {problem && <Alert type="error" title={problem} showIcon style={{ marginBottom: 12 }} />}
      <Form<OperatingCriteria>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={submit}
        disabled={!canUpdate}
        data-testid="criteria-form"
      >
        <Row gutter={16}>
          {FIELDS.map(([name, key]) => (
            <Col xs={12} md={8} lg={4} key={name}>
              <Form.Item
                name={name}
                label={t(key)}
                rules={[{ required: true, message: t('common.required', { field: t(key) }) }]}
              >
                <InputNumber min={0} style={{ width: '100%' }} data-testid={`criteria-${name}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {canUpdate && (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="criteria-save">
            {t('common.save')}
          </Button>
        )}
      </Form>
    </>
  );
}
