import type { CarrierDetail, Incubatee } from '@gaodi/contracts';
import { Button, DatePicker, Descriptions, Empty, Flex, Form, InputNumber, Modal, Table, Tag } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { EChart } from '../../ui/echart.tsx';
import { QueryError } from '../../ui/error-pages.tsx';
import { showSubmitError } from '../../ui/form-errors.ts';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { certLabel, kindLabel, occupancyOf, STAGE_COLOR, stageLabel } from './incubation-labels.ts';
import { useAddOccupancy, useCarrier } from './use-incubation.ts';

type Detail = z.infer<typeof CarrierDetail>;

/** The carrier page: what it is, capacity and occupancy over time, services, partners, mentors, who is in it. */
export function CarrierPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const carrier = useCarrier(id);
  const [isRecording, setIsRecording] = useState(false);
  if (carrier.isPending) return <PageLoading />;
  if (carrier.isError) return <QueryError error={carrier.error} onRetry={() => carrier.refetch()} />;
  const c = carrier.data;
  return (
    <Page
      title={c.name}
      back="/carriers"
      crumbs={[{ title: t('nav.carriers'), to: '/carriers' }, { title: c.name }]}
      testId="carrier-page"
      extra={
        can('incubation', 'update') && (
          <Button onClick={() => setIsRecording(true)} data-testid="occupancy-add">
            {t('inc.recordOccupancy')}
          </Button>
        )
      }
    >
      <Panel>
        <CarrierFacts carrier={c} />
      </Panel>
      <Panel>
        <h3>{t('inc.occupancyOverTime')}</h3>
        <OccupancyChart carrier={c} />
      </Panel>
      <Panel>
        <h3>
          {t('inc.incubateesIn')}（{c.incubatees.length}）
        </h3>
        <Table<Incubatee>
          rowKey="id"
          size="small"
          dataSource={c.incubatees}
          pagination={c.incubatees.length > 20 ? { pageSize: 20 } : false}
          data-testid="carrier-incubatees"
          columns={[
            {
              title: t('inc.name'),
              key: 'name',
              render: (_, n) => <Link to={`/incubatees/${n.id}`}>{n.name}</Link>,
            },
            {
              title: t('inc.stage'),
              key: 'stage',
              width: 110,
              render: (_, n) => <Tag color={STAGE_COLOR[n.stage]}>{stageLabel(n.stage, lang)}</Tag>,
            },
            { title: t('inc.enteredOn'), key: 'on', width: 120, dataIndex: 'enteredOn' },
            {
              title: t('inc.creditCode'),
              key: 'code',
              width: 200,
              render: (_, n) => n.creditCode ?? t('inc.team'),
            },
          ]}
        />
      </Panel>
      {isRecording && <OccupancyDialog id={c.id} onClose={() => setIsRecording(false)} />}
    </Page>
  );
}

function OccupancyChart({ carrier: c }: { carrier: Detail }) {
  const { t } = useI18n();
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [t('inc.seatsUsed'), t('inc.areaUsed')] },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: c.occupancy.map((o) => o.on) },
      yAxis: [
        { type: 'value', name: t('inc.seats'), max: c.seats > 0 ? c.seats : undefined },
        { type: 'value', name: 'm²', max: c.areaM2 > 0 ? c.areaM2 : undefined },
      ],
      series: [
        { name: t('inc.seatsUsed'), type: 'line', data: c.occupancy.map((o) => o.seatsUsed) },
        { name: t('inc.areaUsed'), type: 'line', yAxisIndex: 1, data: c.occupancy.map((o) => o.areaUsed) },
      ],
    }),
    [c, t],
  );
  if (c.occupancy.length === 0) return <Empty description={t('common.empty')} />;
  return <EChart option={option} height={240} testId="occupancy-chart" />;
}

function OccupancyDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const add = useAddOccupancy(id);
  const submit = async (v: {
    on: { format: (f: string) => string };
    seatsUsed: number;
    areaUsed: number;
  }) => {
    try {
      await add.mutateAsync({ on: v.on.format('YYYY-MM-DD'), seatsUsed: v.seatsUsed, areaUsed: v.areaUsed });
      onClose();
    } catch (e) {
      showSubmitError(form, e);
    }
  };
  return (
    <Modal
      open
      title={t('inc.recordOccupancy')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ seatsUsed: 0, areaUsed: 0 }}>
        <Flex gap={12}>
          <Form.Item name="on" label={t('inc.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="seatsUsed" label={t('inc.seatsUsed')}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="areaUsed" label={t('inc.areaUsed')}>
            <InputNumber min={0} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

function CarrierFacts({ carrier: c }: { carrier: Detail }) {
  const { t, lang } = useI18n();
  const pct = occupancyOf(c);
  const list = (items: string[]) => (items.length ? items.map((s) => <Tag key={s}>{s}</Tag>) : '—');
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
      <Descriptions.Item label={t('inc.kind')}>{kindLabel(c.kind, lang)}</Descriptions.Item>
      <Descriptions.Item label={t('inc.certLevel')}>
        {certLabel(c.certLevel, lang)}
        {c.certYear ? `（${c.certYear}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('inc.location')}>
        {c.locationName ? t('inc.enclaveIn', { city: c.locationName }) : t('inc.inCounty')}
      </Descriptions.Item>
      <Descriptions.Item label={t('inc.operator')}>{c.operator || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('inc.address')}>{c.address || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('inc.capacity')}>
        {t('inc.capacityText', { area: formatNumber(c.areaM2), seats: c.seats, rooms: c.rooms })}
      </Descriptions.Item>
      <Descriptions.Item label={t('inc.occupancy')}>
        {pct === null ? '—' : `${pct}%`}
        {c.seatsUsed !== null &&
          `（${t('inc.usedText', { seats: c.seatsUsed, area: formatNumber(c.areaUsed ?? 0) })}）`}
      </Descriptions.Item>
      <Descriptions.Item label={t('inc.services')}>{list(c.services)}</Descriptions.Item>
      <Descriptions.Item label={t('inc.partners')}>{list(c.partnerNames)}</Descriptions.Item>
      <Descriptions.Item label={t('inc.mentors')}>{list(c.mentorNames)}</Descriptions.Item>
    </Descriptions>
  );
}
