import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { DeleteRestoreButton } from './delete-restore-button.tsx';
import { scaleLabel } from './labels.ts';
import { useEnterprise, useSetEnterpriseDeleted } from './use-enterprises.ts';

export function EnterprisePage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const enterprise = useEnterprise(id);
  const setDeleted = useSetEnterpriseDeleted();
  if (enterprise.isPending) return <PageLoading />;
  if (enterprise.isError) return <QueryError error={enterprise.error} onRetry={() => enterprise.refetch()} />;
  const e = enterprise.data;
  return (
    <Page
      title={
        <>
          {e.name} {e.isDeleted && <Tag>{t('common.deleted')}</Tag>}
        </>
      }
      back="/enterprises"
      crumbs={[
        { title: t('nav.directory') },
        { title: t('enterprise.title'), to: '/enterprises' },
        { title: e.name },
      ]}
      testId="enterprise-page"
      extra={
        <>
          {can('enterprise', 'update') && !e.isDeleted && (
            <Link to={`/enterprises/${e.id}/edit`}>
              <Button type="primary" icon={<EditOutlined />} data-testid="enterprise-edit">
                {t('common.edit')}
              </Button>
            </Link>
          )}
          {can('enterprise', 'delete') && (
            <DeleteRestoreButton
              name={e.name}
              isDeleted={e.isDeleted}
              onSetDeleted={(isDeleted) => setDeleted.mutateAsync({ id: e.id, isDeleted })}
            />
          )}
        </>
      }
    >
      <Panel>
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { width: 170, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'name', label: t('enterprise.name'), children: e.name },
            {
              key: 'creditCode',
              label: t('enterprise.creditCode'),
              children: <span className="desc-value-mono">{e.creditCode}</span>,
            },
            { key: 'industry', label: t('enterprise.industry'), children: e.industryName ?? '—' },
            { key: 'scale', label: t('enterprise.scale'), children: scaleLabel(e.scale, lang) },
            { key: 'region', label: t('common.region'), children: e.regionName },
            { key: 'address', label: t('enterprise.address'), children: e.address || '—' },
            { key: 'contactName', label: t('enterprise.contactName'), children: e.contactName || '—' },
            { key: 'contactPhone', label: t('enterprise.contactPhone'), children: e.contactPhone || '—' },
            { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(e.createdAt, lang) },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(e.updatedAt, lang) },
          ]}
        />
      </Panel>
    </Page>
  );
}
