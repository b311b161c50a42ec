import { PlusOutlined } from '@ant-design/icons';
import {
  NEED_STAGE_LABELS,
  type Need,
  NeedStage,
  REJECTION_REASON_LABELS,
  type RejectionReason,
} from '@gaodi/contracts';
import { Button, Flex, Input, Select, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { labelOf, needStageColor, optionsOf, yuan } from './matchmaking-labels.tsx';
import { NeedFormDialog } from './need-form-dialog.tsx';
import { useNeeds, useRejectionReport } from './use-matchmaking.ts';

const KEYS = ['q', 'stage', 'page', 'pageSize'] as const;

/** 技术需求库: enterprises see their own, the bureau the region's. */
/** Pairings are the bureau's records: a role that may not read them is not shown a count of none. */
const countsTheyMayRead = (columns: TableProps<Need>['columns'], mayReadPairings: boolean) =>
  columns?.filter((c) => c.key !== 'pairings' || mayReadPairings);

export function NeedsPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [state, update] = useUrlState(KEYS);
  const [search, setSearch] = useState(state.q ?? '');
  const [isCreating, setIsCreating] = useState(false);
  const query = {
    q: state.q,
    stage: NeedStage.safeParse(state.stage).data,
    page: toInt(state.page, 1),
    pageSize: toInt(state.pageSize, 20),
  };
  const list = useNeeds(query);
  const rejections = useRejectionReport(can('pairing', 'read'));

  const columns: TableProps<Need>['columns'] = [
    {
      title: t('mm.needTitle'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, row) => <Link to={`/needs/${row.id}`}>{title}</Link>,
    },
    { title: t('mm.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', width: 220 },
    {
      title: t('mm.industry'),
      dataIndex: 'industryName',
      key: 'industry',
      width: 120,
      render: (v) => v ?? '—',
    },
    {
      title: t('mm.budget'),
      key: 'budget',
      width: 150,
      render: (_, r) => (r.budgetMaxFen === null ? '—' : `${yuan(r.budgetMinFen)} – ${yuan(r.budgetMaxFen)}`),
    },
    {
      title: t('mm.stage'),
      dataIndex: 'stage',
      key: 'stage',
      width: 100,
      render: (s: NeedStage) => <Tag color={needStageColor(s)}>{labelOf(NEED_STAGE_LABELS, s, lang)}</Tag>,
    },
    { title: t('mm.pairings'), dataIndex: 'pairings', key: 'pairings', width: 80 },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 130,
      render: (v) => formatDate(v, lang),
    },
  ];

  return (
    <Page
      title={t('mm.needs')}
      testId="needs-page"
      extra={
        can('need', 'create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIsCreating(true)}
            data-testid="new-need"
          >
            {t('mm.newNeed')}
          </Button>
        )
      }
    >
      <Panel>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('mm.searchNeeds')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => update({ q: q || undefined, page: undefined })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            placeholder={t('mm.stage')}
            value={query.stage}
            onChange={(v) => update({ stage: v, page: undefined })}
            options={optionsOf(NEED_STAGE_LABELS, lang)}
            style={{ width: 140 }}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={countsTheyMayRead(columns, can('pairing', 'read'))}
            dataSource={list.data?.items}
            scroll={{ x: 900 }}
            pagination={{
              current: query.page,
              pageSize: query.pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page, pageSize) => update({ page: String(page), pageSize: String(pageSize) }),
            }}
          />
        )}
      </Panel>
      {rejections.data && rejections.data.length > 0 && (
        <Panel>
          <Typography.Title level={5}>{t('mm.rejectionReport')}</Typography.Title>
          <Table
            rowKey="instituteId"
            size="small"
            pagination={false}
            dataSource={rejections.data}
            columns={[
              { title: t('mm.institute'), dataIndex: 'instituteName', key: 'name' },
              { title: t('mm.rejectionTotal'), dataIndex: 'total', key: 'total', width: 90 },
              {
                title: t('mm.rejectReason'),
                key: 'reasons',
                render: (_, r) =>
                  Object.entries(r.reasons).map(([reason, n]) => (
                    <Tag key={reason}>
                      {labelOf(REJECTION_REASON_LABELS, reason as RejectionReason, lang)} {n}
                    </Tag>
                  )),
              },
            ]}
          />
        </Panel>
      )}
      {isCreating && (
        <NeedFormDialog
          onClose={(saved) => {
            setIsCreating(false);
            if (saved) navigate(`/needs/${saved.id}`);
          }}
        />
      )}
    </Page>
  );
}
