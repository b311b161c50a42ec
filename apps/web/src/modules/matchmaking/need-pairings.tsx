import {
  PAIRING_OUTCOME_LABELS,
  type Pairing,
  type PairingOutcome,
  PROJECT_STAGE_LABELS,
} from '@gaodi/contracts';
import { App, Button, Flex, Select, Table, type TableColumnType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { ProjectFormDialog } from '../projects/project-form-dialog.tsx';
import { labelOf, optionsOf } from './matchmaking-labels.tsx';
import { useEvents, usePairings, useUpdatePairing } from './use-matchmaking.ts';

type Patch = { eventId?: string | null; outcome?: PairingOutcome };

/** The event a pairing was made at: chosen by the bureau, read by everybody else. */
function EventCell({
  pairing: p,
  canAct,
  save,
}: {
  pairing: Pairing;
  canAct: boolean;
  save: (patch: Patch) => void;
}) {
  const { t, lang } = useI18n();
  const events = useEvents({ pageSize: 200 });
  if (!canAct) return <>{p.eventTitle ?? '—'}</>;
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="pairing-event"
      placeholder={t('mm.recordAtEvent')}
      style={{ width: '100%' }}
      value={p.eventId ?? undefined}
      onChange={(eventId) => save({ eventId: eventId ?? null })}
      options={(events.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${formatDate(e.heldOn, lang)} ${e.title}`,
      }))}
    />
  );
}

/**
 * A pairing's outcome: once a project was signed from it the outcome follows the project (the
 * server derives it) and the cell links the project; before, the bureau records it by hand.
 */
function OutcomeCell({
  pairing: p,
  canAct,
  save,
}: {
  pairing: Pairing;
  canAct: boolean;
  save: (patch: Patch) => void;
}) {
  const { lang } = useI18n();
  if (p.project)
    return (
      <Flex vertical gap={2} data-testid="pairing-project">
        <Tag color="green">{labelOf(PAIRING_OUTCOME_LABELS, p.outcome, lang)}</Tag>
        <Link to={`/projects/${p.project.id}`}>
          {p.project.title}（{labelOf(PROJECT_STAGE_LABELS, p.project.stage, lang)}）
        </Link>
      </Flex>
    );
  if (!canAct) return <>{labelOf(PAIRING_OUTCOME_LABELS, p.outcome, lang)}</>;
  return (
    <Select
      style={{ width: '100%' }}
      value={p.outcome}
      onChange={(outcome) => save({ outcome })}
      options={optionsOf(PAIRING_OUTCOME_LABELS, lang)}
    />
  );
}

function usePairingColumns(canAct: boolean, onSign: (p: Pairing) => void): TableColumnType<Pairing>[] {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const update = useUpdatePairing();
  const saveOf = (id: string) => async (patch: Patch) => {
    try {
      await update.mutateAsync({ id, ...patch });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return [
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
      render: (_, p) => <EventCell pairing={p} canAct={canAct} save={saveOf(p.id)} />,
    },
    {
      title: t('mm.outcome'),
      key: 'outcome',
      width: 200,
      render: (_, p) => <OutcomeCell pairing={p} canAct={canAct} save={saveOf(p.id)} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      // A pairing produces one project: once signed, the outcome cell links it instead.
      render: (_, p) =>
        can('project', 'create') &&
        !p.project && (
          <Button size="small" type="link" data-testid="sign-project" onClick={() => onSign(p)}>
            {t('mm.signProject')}
          </Button>
        ),
    },
  ];
}

/** A need's pairings with institutes: event, outcome (or the project signed from it), 签约立项. */
export function Pairings({ needId, canAct }: { needId: string; canAct: boolean }) {
  const { t } = useI18n();
  const pairings = usePairings({ needId });
  const [signing, setSigning] = useState<Pairing | null>(null);
  const columns = usePairingColumns(canAct, setSigning);
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
        columns={columns}
      />
      {signing && <ProjectFormDialog pairing={signing} onClose={() => setSigning(null)} />}
    </Panel>
  );
}
