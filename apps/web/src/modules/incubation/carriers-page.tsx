import { PlusOutlined } from '@ant-design/icons';
import { type Carrier, CarrierKind } from '@gaodi/contracts';
import { Button, Progress, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatNumber } from '../../ui/format.ts';
import { type Lang, type Translate, useI18n } from '../../ui/i18n.tsx';
import { useUrlPagination } from '../../ui/list-controls.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { CarrierFormDialog } from './carrier-form-dialog.tsx';
import { certLabel, kindLabel, kindOptions, occupancyOf } from './incubation-labels.ts';
import { useCarriers } from './use-incubation.ts';

/** 孵化载体: maker spaces, incubators, accelerators, parks, in the county or an enclave city. */
export function CarriersPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const [isRegistering, setIsRegistering] = useState(false);
  const [state, update] = useUrlState(['kind', 'page'] as const);
  const query = { kind: CarrierKind.safeParse(state.kind).data, page: toInt(state.page, 1), pageSize: 20 };
  const list = useCarriers(query);
  const pagination = useUrlPagination(query.page, list.data?.total, update);
  return (
    <Page
      title={t('nav.carriers')}
      testId="carriers-page"
      extra={
        can('incubation', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsRegistering(true)}>
            {t('inc.registerCarrier')}
          </Button>
        )
      }
    >
      <Panel>
        <Select
          allowClear
          placeholder={t('inc.kind')}
          value={state.kind}
          onChange={(v) => update({ kind: v, page: undefined })}
          options={kindOptions(lang)}
          style={{ minWidth: 150, marginBottom: 12 }}
        />
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table<Carrier>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 900 }}
            pagination={pagination}
            columns={carrierColumns(t, lang)}
          />
        )}
      </Panel>
      {isRegistering && <CarrierFormDialog onClose={() => setIsRegistering(false)} />}
    </Page>
  );
}

function carrierColumns(t: Translate, lang: Lang): TableColumnsType<Carrier> {
  return [
    {
      title: t('inc.carrierName'),
      key: 'name',
      render: (_, c) => (
        <>
          <Link to={`/carriers/${c.id}`}>{c.name}</Link>
          {c.locationName && (
            <Tag style={{ marginLeft: 8 }}>{t('inc.enclaveIn', { city: c.locationName })}</Tag>
          )}
        </>
      ),
    },
    { title: t('inc.kind'), key: 'kind', width: 110, render: (_, c) => kindLabel(c.kind, lang) },
    {
      title: t('inc.certLevel'),
      key: 'cert',
      width: 120,
      render: (_, c) => `${certLabel(c.certLevel, lang)}${c.certYear ? `（${c.certYear}）` : ''}`,
    },
    { title: t('inc.areaM2'), key: 'area', width: 110, render: (_, c) => formatNumber(c.areaM2) },
    { title: t('inc.seats'), key: 'seats', width: 80, render: (_, c) => c.seats || '—' },
    { title: t('inc.inIncubation'), key: 'count', width: 100, dataIndex: 'incubateeCount' },
    {
      title: t('inc.occupancy'),
      key: 'occupancy',
      width: 150,
      render: (_, c) => {
        const pct = occupancyOf(c);
        return pct === null ? '—' : <Progress percent={pct} size="small" />;
      },
    },
  ];
}
