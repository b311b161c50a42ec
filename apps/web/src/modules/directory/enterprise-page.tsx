import { Descriptions } from 'antd';
import { useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { PageLoading, Panel } from '../../ui/page.tsx';
import { DirectoryRecordPage } from './directory-record-page.tsx';
import { scaleLabel } from './labels.ts';
import { useEnterprise, useSetEnterpriseDeleted } from './use-enterprises.ts';

export function EnterprisePage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const enterprise = useEnterprise(id);
  const setDeleted = useSetEnterpriseDeleted();
  if (enterprise.isPending) return <PageLoading />;
  if (enterprise.isError) return <QueryError error={enterprise.error} onRetry={() => enterprise.refetch()} />;
  const e = enterprise.data;
  return (
    <DirectoryRecordPage entity="enterprise" record={e} setDeleted={setDeleted.mutateAsync}>
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
    </DirectoryRecordPage>
  );
}
