import { ListTalentsRoute } from '@gaodi/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { call } from '../../ui/api.ts';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { AssessmentDialog, EvidenceDialog } from './evidence-dialog.tsx';
import { PlatformFormDialog } from './platform-form-dialog.tsx';
import {
  AssessmentsPanel,
  EvidencePanel,
  LinksPanel,
  PartnersPanel,
  PlatformFacts,
} from './platform-panels.tsx';
import { usePlatform } from './use-innovation.ts';

/** A platform's page: partners, evidence over the years, assessments, projects, talents. */
export function PlatformPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const can = useCan();
  const platform = usePlatform(id);
  const talents = useQuery({
    queryKey: ['talents', 'list', { platformId: id }],
    queryFn: () => call(ListTalentsRoute, { query: { platformId: id, pageSize: 200 } }),
    enabled: Boolean(id) && can('talent', 'read'),
  });
  const [dialog, setDialog] = useState<'edit' | 'evidence' | 'assess' | null>(null);
  if (platform.isPending) return <PageLoading />;
  if (platform.isError) return <QueryError error={platform.error} onRetry={() => platform.refetch()} />;
  const p = platform.data;
  const canUpdate = can('platform', 'update');
  return (
    <Page
      title={p.name}
      testId="platform-page"
      crumbs={[{ title: t('inno.platforms'), to: '/platforms' }, { title: p.name }]}
      extra={
        canUpdate && (
          <Flex gap={8}>
            <Button onClick={() => setDialog('edit')}>{t('common.edit')}</Button>
            <Button type="primary" onClick={() => setDialog('evidence')} data-testid="evidence-add">
              {t('inno.addEvidence')}
            </Button>
            <Button onClick={() => setDialog('assess')}>{t('inno.assess')}</Button>
          </Flex>
        )
      }
    >
      <PlatformFacts p={p} />
      <PartnersPanel p={p} />
      <EvidencePanel p={p} />
      <AssessmentsPanel p={p} />
      <LinksPanel p={p} talents={talents.data?.items} />
      {dialog === 'edit' && <PlatformFormDialog platform={p} onClose={() => setDialog(null)} />}
      {dialog === 'evidence' && (
        <EvidenceDialog platformId={p.id} year={p.year} onClose={() => setDialog(null)} />
      )}
      {dialog === 'assess' && (
        <AssessmentDialog platformId={p.id} year={p.year} onClose={() => setDialog(null)} />
      )}
    </Page>
  );
}
