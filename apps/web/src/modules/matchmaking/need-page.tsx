import {
  COOPERATION_FORM_LABELS,
  PAIRING_OUTCOME_LABELS,
  type Pairing,
  type PairingOutcome,
} from '@gaodi/contracts';
import { Alert, App, Button, Descriptions, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { ProjectFormDialog } from '../projects/project-form-dialog.tsx';
import { labelOf, optionsOf, yuan } from './matchmaking-labels.tsx';
import { NeedFormDialog } from './need-form-dialog.tsx';
import { Recommendations } from './need-recommendations.tsx';
import { NeedStageActions, NeedStageTag } from './need-stage-actions.tsx';
import { useEvents, useNeed, usePairings, useUpdatePairing } from './use-matchmaking.ts';

function Pairings({ needId, canAct }: { needId: string; canAct: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const pairings = usePairings({ needId });
  const events = useEvents({ pageSize: 200 });
  const update = useUpdatePairing();
  const [signing, setSigning] = useState<Pairing | null>(null);
  const save = async (id: string, patch: { eventId?: string | null; outcome?: PairingOutcome }) => {
    try {
      await update.mutateAsync({ id, ...patch });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Panel>
      <Typography.Title level={5}>{t('mm.pairingsTitle')}</Typography.Title>
      <Table<Pairing>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="pairings"
        dataSource={pairings.data}
        scroll={{ x: 800 }}
        columns={[
          { title: t('mm.institute'), dataIndex: 'instituteName', key: 'institute' },
          {
            title: t('mm.achievement'),
            dataIndex: 'achievementTitle',
            key: 'achievement',
            render: (v) => v ?? '—',
          },
          {
            title: t('mm.event'),
            key: 'event',
            width: 260,
            render: (_, p) =>
              canAct ? (
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="pairing-event"
                  placeholder={t('mm.recordAtEvent')}
                  style={{ width: '100%' }}
                  value={p.eventId ?? undefined}
                  onChange={(eventId) => save(p.id, { eventId: eventId ?? null })}
                  options={(events.data?.items ?? []).map((e) => ({
                    value: e.id,
                    label: `${formatDate(e.heldOn, lang)} ${e.title}`,
                  }))}
                />
              ) : (
                (p.eventTitle ?? '—')
              ),
          },
          {
            title: t('mm.outcome'),
            key: 'outcome',
            width: 130,
            render: (_, p) =>
              canAct ? (
                <Select
                  style={{ width: '100%' }}
                  value={p.outcome}
                  onChange={(outcome) => save(p.id, { outcome })}
                  options={optionsOf(PAIRING_OUTCOME_LABELS, lang)}
                />
              ) : (
                labelOf(PAIRING_OUTCOME_LABELS, p.outcome, lang)
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, p) =>
              can('project', 'create') && (
                <Button size="small" type="link" data-testid="sign-project" onClick={() => setSigning(p)}>
                  {t('mm.signProject')}
                </Button>
              ),
          },
        ]}
      />
      {signing && <ProjectFormDialog pairing={signing} onClose={() => setSigning(null)} />}
    </Panel>
  );
}

/** One need: its details, the bureau's stage moves, recommendations with reasons, pairings. */
export function NeedPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
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
      {can('pairing', 'read') && isOpen && <Recommendations needId={n.id} canAct={canAct} />}
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
