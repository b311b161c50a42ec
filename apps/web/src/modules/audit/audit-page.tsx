import { DownloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@gaodi/contracts';
import { Button, Empty, Table } from 'antd';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatNumber } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { AuditChainCheck } from './audit-chain-check.tsx';
import { useAuditColumns } from './audit-columns.tsx';
import { AuditFilters, useAuditListState } from './audit-filters.tsx';
import { downloadAuditXlsx, useAudit } from './use-audit.ts';

export function AuditPage() {
  const { t } = useI18n();
  const list = useAuditListState();
  const audit = useAudit(list.query);
  const columns = useAuditColumns();
  const can = useCan();
  return (
    <Page
      title={t('audit.title')}
      crumbs={[{ title: t('nav.system') }, { title: t('audit.title') }]}
      testId="audit-page"
      extra={
        can('audit', 'export') && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadAuditXlsx(list.query)}
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        )
      }
    >
      <Panel>
        <AuditChainCheck />
        <AuditFilters list={list} />
        {audit.isError ? (
          <QueryError error={audit.error} onRetry={() => audit.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={audit.data?.items}
            loading={audit.isFetching}
            scroll={{ x: 1320 }}
            locale={{ emptyText: audit.isPending ? ' ' : <Empty description={t('common.empty')} /> }}
            onChange={(pagination) =>
              list.update({ page: pagination.current, pageSize: pagination.pageSize }, { keepPage: true })
            }
            pagination={{
              current: list.query.page,
              pageSize: list.query.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => t('common.total', { total: formatNumber(total) }),
            }}
            data-testid="audit-table"
          />
        )}
      </Panel>
    </Page>
  );
}
