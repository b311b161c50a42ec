import { PlusOutlined } from '@ant-design/icons';
import type { Expert } from '@gaodi/contracts';
import { Button, Descriptions, Empty, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { DirectoryRecordPage } from './directory-record-page.tsx';
import { InstituteAliases } from './institute-aliases.tsx';
import { kindLabel, levelLabel } from './labels.ts';
import { useExperts } from './use-experts.ts';
import { useInstitute, useSetInstituteDeleted } from './use-institutes.ts';

export function InstitutePage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const institute = useInstitute(id);
  const setDeleted = useSetInstituteDeleted();
  const experts = useExperts(
    { instituteId: id, page: 1, pageSize: 200, sort: 'name' },
    Boolean(id) && can('expert', 'read'),
  );
  if (institute.isPending) return <PageLoading />;
  if (institute.isError) return <QueryError error={institute.error} onRetry={() => institute.refetch()} />;
  const i = institute.data;
  return (
    <DirectoryRecordPage entity="institute" record={i} setDeleted={setDeleted.mutateAsync}>
      <Panel>
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'name', label: t('institute.name'), children: i.name },
            { key: 'kind', label: t('institute.kind'), children: kindLabel(i.kind, lang) },
            { key: 'level', label: t('institute.level'), children: levelLabel(i.level, lang) },
            { key: 'city', label: t('institute.city'), children: i.city || '—' },
            {
              key: 'aliases',
              label: t('institute.aliases'),
              span: 2,
              children: <InstituteAliases key={i.updatedAt} institute={i} />,
            },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(i.createdAt, lang) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(i.updatedAt, lang) },
          ]}
        />
      </Panel>
      {can('expert', 'read') && (
        <Panel>
          <Typography.Title
            level={5}
            style={{ marginTop: 0, display: 'flex', justifyContent: 'space-between' }}
          >
            {t('institute.experts')}
            {can('expert', 'create') && !i.isDeleted && (
              <Link to={`/experts/new?instituteId=${i.id}`}>
                <Button size="small" icon={<PlusOutlined />}>
                  {t('expert.new')}
                </Button>
              </Link>
            )}
          </Typography.Title>
          <Table<Expert>
            rowKey="id"
            size="small"
            loading={experts.isFetching}
            dataSource={experts.data?.items}
            pagination={false}
            scroll={{ x: 560 }}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />,
            }}
            columns={[
              { title: t('expert.name'), dataIndex: 'name', width: 120 },
              {
                title: t('expert.titleField'),
                dataIndex: 'title',
                width: 120,
                render: (v: string) => v || '—',
              },
              { title: t('expert.field'), dataIndex: 'field', render: (v: string) => v || '—' },
              { title: t('expert.phone'), dataIndex: 'phone', width: 140, render: (v: string) => v || '—' },
            ]}
          />
        </Panel>
      )}
    </DirectoryRecordPage>
  );
}
