import { IndicatorCode, type IndicatorRecord } from '@gaodi/contracts';
import { Alert, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, Panel } from '../../ui/page.tsx';
import { toInt, useUrlState } from '../../ui/url-state.ts';
import { chinaYear, useIndicatorRecords } from './use-indicators.ts';

const KEYS = ['year', 'region', 'month', 'page'] as const;

/** The records table's columns: the record (linked to its page), its date, its region. */
function recordColumns(
  t: ReturnType<typeof useI18n>['t'],
  lang: ReturnType<typeof useI18n>['lang'],
): TableColumnsType<IndicatorRecord> {
  return [
    {
      title: t('ind.title'),
      dataIndex: 'title',
      render: (text: string, r) => (r.href ? <Link to={r.href}>{text}</Link> : text),
    },
    {
      title: t('ind.date'),
      dataIndex: 'on',
      width: 160,
      render: (d: string | null) => formatDate(d, lang),
    },
    {
      title: t('ind.region'),
      dataIndex: 'regionName',
      width: 160,
      render: (n: string) => <Tag>{n}</Tag>,
    },
  ];
}

/** /indicators/:code — exactly the records behind a figure, with the figure's definition. */
export function IndicatorRecordsPage() {
  const { t, lang } = useI18n();
  const { code } = useParams();
  const [state, update] = useUrlState(KEYS);
  const isKnown = (IndicatorCode.options as readonly string[]).includes(code ?? '');
  const year = toInt(state.year, chinaYear());
  const month = state.month ? toInt(state.month, 1) : undefined;
  const page = toInt(state.page, 1);
  const query = useIndicatorRecords((isKnown ? code : 'events') as IndicatorCode, {
    year,
    region: state.region,
    month,
    page,
    pageSize: 50,
  });
  if (!isKnown) return <QueryError error={new Error(t('ind.unknown'))} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  const columns = recordColumns(t, lang);
  const title = data ? data.name : t('ind.records');
  return (
    <Page
      title={title}
      crumbs={[{ title: t('ind.dashboard'), to: '/dashboard' }, { title }]}
      testId="indicator-records"
    >
      <Panel>
        {data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <span data-testid="indicator-definition">
                {t('ind.definition')}：{data.definition}
              </span>
            }
            description={
              <Typography.Text>
                {t('ind.counted', { year: data.year, total: data.total })}
                {month ? ` · ${t('ind.month', { month })}` : ''}
                {state.region ? ` · ${state.region}` : ''}
              </Typography.Text>
            }
          />
        )}
        <Table<IndicatorRecord>
          rowKey="id"
          loading={query.isFetching}
          dataSource={data?.items ?? []}
          data-testid="indicator-record-table"
          pagination={{
            current: page,
            pageSize: 50,
            total: data?.total ?? 0,
            showSizeChanger: false,
            onChange: (p) => update({ page: p }),
          }}
          columns={columns}
        />
      </Panel>
    </Page>
  );
}
