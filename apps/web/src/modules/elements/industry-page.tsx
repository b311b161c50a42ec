import type { IndustryOverview, PlatformSummary, TalentSummary } from '@gaodi/contracts';
import { Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { KIND, label, MODE, TIER } from '../innovation/innovation-labels.ts';
import { OperatingTag } from '../innovation/platform-columns.tsx';
import { useIndustryOverview } from '../innovation/use-innovation.ts';
import { TalentName } from '../talent/talent-columns.tsx';
import { FigureRow } from './industries-overview-page.tsx';

/** The industry's cooperation projects and recruitment records, each linked to its page. */
function ProjectsAndRecords({ overview: x }: { overview: IndustryOverview }) {
  const { t } = useI18n();
  return (
    <Panel>
      <Typography.Title level={5}>{t('el.projects')}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={x.projects}
        columns={[
          {
            title: t('el.projects'),
            key: 'title',
            render: (_, p) => <Link to={`/projects/${p.id}`}>{p.title}</Link>,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('el.recruitment')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={x.recruitment}
        columns={[
          {
            title: t('el.recruitment'),
            key: 'name',
            render: (_, r) => <Link to={`/recruitment/${r.id}`}>{r.instituteName}</Link>,
          },
          { title: 'A/B/C', dataIndex: 'grade', key: 'grade', width: 70 },
        ]}
      />
    </Panel>
  );
}

/** One industry's four elements: its platforms, talents, cooperation projects, recruitment records. */
export function IndustryPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const page = useIndustryOverview(id);
  if (page.isPending) return <PageLoading />;
  if (page.isError) return <QueryError error={page.error} onRetry={() => page.refetch()} />;
  const x = page.data;
  return (
    <Page
      title={x.name}
      testId="industry-page"
      crumbs={[{ title: t('el.industries'), to: '/elements' }, { title: x.name }]}
    >
      <Panel>
        <Typography.Title level={5}>
          {t('el.figures')} · {x.year}
        </Typography.Title>
        <FigureRow figures={x.figures} t={t} />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('el.platforms')}</Typography.Title>
        <Table<PlatformSummary>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={x.platforms}
          data-testid="industry-platforms"
          columns={[
            {
              title: t('inno.name'),
              key: 'name',
              render: (_, p) => <Link to={`/platforms/${p.id}`}>{p.name}</Link>,
            },
            { title: t('inno.kind'), key: 'kind', render: (_, p) => label(KIND, p.kind, lang) },
            { title: t('inno.tier'), key: 'tier', render: (_, p) => label(TIER, p.tier, lang) },
            {
              title: t('inno.operatingFilter'),
              key: 'op',
              render: (_, p) => <OperatingTag platform={p} />,
            },
          ]}
        />
      </Panel>
      <Panel>
        <Typography.Title level={5}>{t('el.talents')}</Typography.Title>
        <Table<TalentSummary>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20 }}
          dataSource={x.talents}
          data-testid="industry-talents"
          columns={[
            {
              title: t('tal.name'),
              key: 'name',
              render: (_, p) => <TalentName talent={p} />,
            },
            { title: t('tal.employer'), dataIndex: 'employerName', key: 'employer' },
            {
              title: t('tal.programmes'),
              key: 'programmes',
              render: (_, p) => p.programmes.join('、') || '—',
            },
            { title: t('tal.mode'), key: 'mode', render: (_, p) => label(MODE, p.mode, lang) },
          ]}
        />
      </Panel>
      <ProjectsAndRecords overview={x} />
    </Page>
  );
}
