import {
  CARRIER_KINDS,
  type CarrierKind,
  type IncubateeDetail,
  type IncubateeStage,
  type IncubateeStageInput,
  incubateePipeline,
  movesFrom,
  type Pipeline,
  RegistrationInput,
  type StagePosition,
} from '@gaodi/contracts';
import { Alert, Button, DatePicker, Descriptions, Dropdown, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { z } from 'zod';
import { QueryError } from '../../ui/error-pages.tsx';
import { checkWithSchema, showSubmitError } from '../../ui/form-errors.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading, Panel } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { usePositionNames } from '../pipelines/stage-names.ts';
import { ChainView } from './chain-view.tsx';
import { STAGE_COLOR, stageLabel } from './incubation-labels.ts';
import { ReportsPanel } from './reports-panel.tsx';
import { useCarriers, useIncubatee, useIncubateeActions } from './use-incubation.ts';
import { VisitsPanel } from './visits-panel.tsx';

const pipeline = incubateePipeline as Pipeline<IncubateeStage> & { key: 'incubatee' };
/** A menu key that names the target (an index would point elsewhere once the stage has changed). */
const keyOf = (to: StagePosition<IncubateeStage>) => `${to.stage}:${to.subStage ?? ''}`;
const isCarrierStage = (s: string): s is CarrierKind => (CARRIER_KINDS as readonly string[]).includes(s);

/** The incubatee page: where it is, its whole chain path, moves, registration, visits, quarterly reports. */
export function IncubateePage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const can = useCan();
  const incubatee = useIncubatee(id);
  const { custom } = usePositionNames('incubatee');
  const [moving, setMoving] = useState<StagePosition<IncubateeStage> | null>(null);
  const [isRegistering, setIsRegistering] = useState(false);
  if (incubatee.isPending) return <PageLoading />;
  if (incubatee.isError) return <QueryError error={incubatee.error} onRetry={() => incubatee.refetch()} />;
  const n = incubatee.data;
  const from = { stage: n.stage, subStage: n.subStage };
  const targets = movesFrom(pipeline, custom, from);
  const canWrite = can('incubation', 'update');
  return (
    <Page
      title={n.name}
      back="/incubatees"
      crumbs={[{ title: t('nav.incubatees'), to: '/incubatees' }, { title: n.name }]}
      testId="incubatee-page"
      extra={
        canWrite && (
          <>
            {!n.creditCode && n.stage !== 'exited' && (
              <Button onClick={() => setIsRegistering(true)} data-testid="incubatee-register">
                {t('inc.register')}
              </Button>
            )}
            {targets.length > 0 && (
              <Dropdown
                menu={{
                  items: targets.map((to) => ({
                    key: keyOf(to),
                    label: <span data-testid={`move-to-${to.stage}`}>{moveLabel(to, n, t, lang)}</span>,
                  })),
                  onClick: ({ key }) => setMoving(targets.find((to) => keyOf(to) === key) ?? null),
                }}
              >
                <Button type="primary" data-testid="incubatee-move">
                  {t('inc.move')}
                </Button>
              </Dropdown>
            )}
          </>
        )
      }
    >
      <Panel>
        <IncubateeFacts incubatee={n} />
      </Panel>
      <Panel>
        <h3>{t('inc.chain')}</h3>
        <ChainView incubatee={n} />
      </Panel>
      <Panel>
        <VisitsPanel incubatee={n} />
      </Panel>
      <Panel>
        <ReportsPanel incubatee={n} />
      </Panel>
      {moving && <MoveDialog incubatee={n} to={moving} onClose={() => setMoving(null)} />}
      {isRegistering && <RegisterDialog incubatee={n} onClose={() => setIsRegistering(false)} />}
    </Page>
  );
}

function moveLabel(
  to: StagePosition<IncubateeStage>,
  n: IncubateeDetail,
  t: ReturnType<typeof useI18n>['t'],
  lang: ReturnType<typeof useI18n>['lang'],
) {
  const name = stageLabel(to.stage, lang);
  if (to.stage === 'graduated') return t('inc.graduate');
  if (to.stage === 'exited') return t('inc.exit');
  return to.stage === n.stage ? t('inc.moveWithin', { stage: name }) : t('inc.moveTo', { stage: name });
}

/** Enter the next carrier, graduate (criteria met) or exit (reason), through the one move dialog. */
function MoveDialog({
  incubatee: n,
  to,
  onClose,
}: {
  incubatee: IncubateeDetail;
  to: StagePosition<IncubateeStage>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { move } = useIncubateeActions(n.id);
  const carriers = useCarriers({ kind: isCarrierStage(to.stage) ? to.stage : undefined, pageSize: 200 });
  return (
    <StageMoveDialog
      pipeline={pipeline}
      from={{ stage: n.stage, subStage: n.subStage }}
      to={to}
      dates={{ graduatedOn: n.graduatedOn }}
      renderField={({ requirement }) =>
        requirement.field === 'carrierId' && (
          <>
            <Form.Item name="carrierId" label={t('inc.carrier')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(carriers.data?.items ?? [])
                  .filter((c) => c.id !== n.carrierId)
                  .map((c) => ({
                    value: c.id,
                    label: c.locationName ? `${c.name}（${c.locationName}）` : c.name,
                  }))}
                data-testid="move-carrier"
              />
            </Form.Item>
            <Form.Item name="movedOn" label={t('inc.movedOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="move-moved-on" />
            </Form.Item>
          </>
        )
      }
      onSubmit={(input) => move.mutateAsync(input as z.input<typeof IncubateeStageInput>)}
      onClose={onClose}
    />
  );
}

/** 注册为企业: the team gets its 统一社会信用代码 (check digit checked) and, maybe, its registered name. */
function RegisterDialog({ incubatee: n, onClose }: { incubatee: IncubateeDetail; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { register } = useIncubateeActions(n.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { creditCode?: string; name?: string }) => {
    const input = checkWithSchema(form, RegistrationInput, {
      creditCode: (v.creditCode ?? '').trim().toUpperCase(),
      name: v.name?.trim() || undefined,
    });
    if (!input) return;
    try {
      await register.mutateAsync(input);
      onClose();
    } catch (e) {
      setError(showSubmitError(form, e));
    }
  };
  return (
    <Modal
      open
      title={t('inc.register')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={register.isPending}
      okButtonProps={{ id: 'register-save' }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="creditCode" label={t('inc.creditCode')} required>
          <Input maxLength={18} data-testid="register-code" />
        </Form.Item>
        <Form.Item name="name" label={t('inc.registeredName')} extra={t('inc.registeredNameHint')}>
          <Input maxLength={100} data-testid="register-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function IncubateeFacts({ incubatee: n }: { incubatee: IncubateeDetail }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
      <Descriptions.Item label={t('inc.stage')}>
        <Tag color={STAGE_COLOR[n.stage]} data-testid="incubatee-stage">
          {stageLabel(n.stage, lang)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('inc.carrier')}>{n.carrierName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('inc.creditCode')}>
        <span data-testid="incubatee-code">{n.creditCode ?? t('inc.team')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('inc.enteredOn')}>{n.enteredOn}</Descriptions.Item>
      <Descriptions.Item label={t('inc.space')}>{n.space || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('inc.contact')}>{n.contact || '—'}</Descriptions.Item>
      {n.rdRegionCode && (
        <Descriptions.Item label={t('inc.enclave')}>
          {n.landedOn ? t('inc.landedOn', { on: n.landedOn }) : t('inc.inEnclave')}
        </Descriptions.Item>
      )}
      {n.graduatedOn && (
        <Descriptions.Item label={t('inc.graduatedOn')}>
          {n.graduatedOn} · {n.criteria}
        </Descriptions.Item>
      )}
      {n.stage === 'exited' && (
        <Descriptions.Item label={t('inc.exitReason')}>{n.exitReason}</Descriptions.Item>
      )}
    </Descriptions>
  );
}
