import { COOPERATION_FORM_LABELS } from '@gaodi/contracts';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { labelOf, yuan } from './matchmaking-labels.tsx';
import { NeedFormDialog } from './need-form-dialog.tsx';
import { Pairings } from './need-pairings.tsx';
import { Recommendations } from './need-recommendations.tsx';
import { NeedStageActions, NeedStageTag } from './need-stage-actions.tsx';
import { useNeed } from './use-matchmaking.ts';

/** One need: its details, the bureau's stage moves, recommendations with reasons, pairings. */
export function NeedPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const me = useSession();
  const need = useNeed(id);
  const [isEditing, setIsEditing] = useState(false);
  if (need.isPending) return <PageLoading />;
  if (need.isError) return <QueryError error={need.error} onRetry={() => need.refetch()} />;
  const n = need.data;
  const isOpen = n.stage === 'published' || n.stage === 'matching';
  const canAct = can('pairing', 'create');
  const mayEdit = can('need', 'update') && n.stage !== 'closed';
  return (
    <Page
      title={n.title}
      testId="need-page"
      back="/needs"
      crumbs={[{ title: t('mm.needs'), to: '/needs' }, { title: n.title }]}
      extra={
        <>
          {mayEdit && <Button onClick={() => setIsEditing(true)}>{t('common.edit')}</Button>}
          <NeedStageActions need={n} />
        </>
      }
    >
      <Panel>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('mm.stage')}>
            <NeedStageTag need={n} />
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.enterprise')}>{n.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('mm.industry')}>{n.industryName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('mm.budget')}>
            {n.budgetMaxFen === null ? '—' : `${yuan(n.budgetMinFen)} – ${yuan(n.budgetMaxFen)}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.cooperationForms')}>
            {n.cooperationForms.map((f) => labelOf(COOPERATION_FORM_LABELS, f, lang)).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.contactName')}>
            {n.contactName} {n.contactPhone}
          </Descriptions.Item>
          <Descriptions.Item label={t('mm.keywords')}>{n.keywords.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatDate(n.createdAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('mm.needDescription')} span={2}>
            {n.description}
          </Descriptions.Item>
        </Descriptions>
      </Panel>
      {/* An enterprise sees its own need's recommendations at any open stage (the server keeps it to its own). */}
      {((can('pairing', 'read') && isOpen) || (me.role === 'enterprise' && n.stage !== 'closed')) && (
        <Recommendations needId={n.id} canAct={canAct} />
      )}
      {can('pairing', 'read') && !isOpen && n.stage !== 'contracted' && n.stage !== 'closed' && (
        <Alert type="info" showIcon title={t('mm.publishFirst')} style={{ marginTop: 12 }} />
      )}
      {can('pairing', 'read') && <Pairings needId={n.id} canAct={canAct} />}
      {can('pairing', 'read') && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          <Link to="/events">{t('mm.events')}</Link>
        </Typography.Paragraph>
      )}
      {isEditing && <NeedFormDialog need={n} onClose={() => setIsEditing(false)} />}
    </Page>
  );
}
