import { DECISION_STAGE_LABELS, type Decision, type DecisionStage, decisionPipeline } from '@gaodi/contracts';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { LightTag } from '../supervision/light-tag.tsx';
import { useMoveDecision } from './use-roundtable.ts';

const pipeline = { ...decisionPipeline, key: 'decision' as const };
const STAGE_COLOR: Record<DecisionStage, string> = {
  open: 'processing',
  proof_submitted: 'warning',
  closed: 'success',
  cancelled: 'default',
};

/** The moves the reader may make: proof by anyone who may update; closing and sending back by the office. */
function movesFor(d: Decision, role: string, mayUpdate: boolean): DecisionStage[] {
  if (!mayUpdate) return [];
  return decisionPipeline.moves[d.stage].filter((to) => {
    const roles = (decisionPipeline.roles as Partial<Record<DecisionStage, readonly string[]>>)[to];
    return !roles || roles.includes(role);
  });
}

/** One decision (议定事项): what, who, by when, the proof; its next steps through the one move dialog. */
export function DecisionCard({
  decision: d,
  showMeeting = false,
}: {
  decision: Decision;
  showMeeting?: boolean;
}) {
  const { t, lang } = useI18n();
  const me = useSession();
  const can = useCan();
  const move = useMoveDecision();
  const [to, setTo] = useState<DecisionStage | null>(null);
  const label = (s: DecisionStage) => DECISION_STAGE_LABELS[s][lang];
  const moves = movesFor(d, me.role, can('roundtable', 'update'));
  return (
    <Card size="small" data-testid="decision-card">
      <Flex vertical gap={6}>
        <Flex gap={6} wrap align="center">
          <Typography.Text strong>
            {d.number}. {d.content}
          </Typography.Text>
          <Tag color={STAGE_COLOR[d.stage]} data-testid="decision-stage">
            {label(d.stage)}
          </Tag>
          {d.isOverdue && <Tag color="red">{t('mt.overdue')}</Tag>}
          {d.light !== 'none' && <LightTag light={{ light: d.light }} lang={lang} />}
        </Flex>
        {showMeeting && (
          <Typography.Text type="secondary">
            {t('mt.meeting')}：<Link to={`/roundtable/${d.meetingId}`}>{d.meetingTitle}</Link> · {d.itemTitle}
          </Typography.Text>
        )}
        <Typography.Text>
          {t('mt.owner')}：{[d.ownerName, d.ownerDepartment].filter(Boolean).join(' · ') || '—'} ·{' '}
          {t('mt.deadline')}：{d.deadline}
        </Typography.Text>
        {d.proofRequired && (
          <Typography.Text type="secondary">
            {t('mt.proofRequired')}：{d.proofRequired}
          </Typography.Text>
        )}
        {d.proof && (
          <Typography.Text data-testid="decision-proof">
            {t('mt.proof')}：{d.proof}
          </Typography.Text>
        )}
        {moves.length > 0 && (
          <Flex gap={8} wrap>
            {moves.map((s) => (
              <Button
                key={s}
                size="small"
                type={s === 'cancelled' || s === 'open' ? 'default' : 'primary'}
                data-testid={`decision-to-${s}`}
                onClick={() => setTo(s)}
              >
                {s === 'open' ? (lang === 'zh' ? '退回补充佐证' : 'Send back') : label(s)}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
      {to && (
        <StageMoveDialog
          pipeline={pipeline}
          from={{ stage: d.stage, subStage: d.subStage }}
          to={{ stage: to, subStage: null }}
          onSubmit={(input) => move.mutateAsync({ id: d.id, body: input as never })}
          onClose={() => setTo(null)}
        />
      )}
    </Card>
  );
}
