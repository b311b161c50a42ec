import { movesFrom, type Need, type NeedStage, needPipeline, type StagePosition } from '@gaodi/contracts';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { StageMoveDialog } from '../pipelines/stage-move-dialog.tsx';
import { usePositionNames } from '../pipelines/stage-names.ts';
import { needStageColor } from './matchmaking-labels.tsx';
import { useMoveNeed } from './use-matchmaking.ts';

const STAGE_ACTIONS: Record<
  NeedStage,
  'mm.toCollected' | 'mm.toReviewed' | 'mm.toPublished' | 'mm.toMatching' | 'mm.toContracted' | 'mm.toClosed'
> = {
  collected: 'mm.toCollected',
  reviewed: 'mm.toReviewed',
  published: 'mm.toPublished',
  matching: 'mm.toMatching',
  contracted: 'mm.toContracted',
  closed: 'mm.toClosed',
};

const NEED_PIPELINE = { ...needPipeline, key: 'need' as const };

/** Where a need is, in the office's names (its custom stage inside the built-in one, if any). */
export function NeedStageTag({ need }: { need: Need }) {
  const { nameOf } = usePositionNames('need');
  return (
    <Tag color={needStageColor(need.stage)} data-testid="need-stage">
      {nameOf({ stage: need.stage, subStage: need.subStage })}
    </Tag>
  );
}

/**
 * The bureau's moves of a need: one button per allowed target (the office's custom stages
 * included), each through the one move dialog of every pipeline.
 */
export function NeedStageActions({ need }: { need: Need }) {
  const { t } = useI18n();
  const { nameOf, custom } = usePositionNames('need');
  const move = useMoveNeed(need.id);
  const [target, setTarget] = useState<StagePosition<NeedStage> | null>(null);
  if (need.allowedStages.length === 0) return null;
  const from: StagePosition<NeedStage> = { stage: need.stage, subStage: need.subStage };
  const label = (to: StagePosition<NeedStage>) => {
    if (to.subStage || to.stage === from.stage) return nameOf(to);
    // Going back from 对接中 to 已发布 is not a second publication.
    return from.stage === 'matching' && to.stage === 'published'
      ? t('mm.backToPublished')
      : t(STAGE_ACTIONS[to.stage]);
  };
  return (
    <>
      {movesFrom(NEED_PIPELINE, custom, from).map((to) => (
        <Button
          key={`${to.stage}:${to.subStage ?? ''}`}
          type={to.stage === 'closed' || to.stage === 'collected' ? 'default' : 'primary'}
          data-testid={`need-stage-${to.subStage ?? to.stage}`}
          onClick={() => setTarget(to)}
        >
          {label(to)}
        </Button>
      ))}
      {target && (
        <StageMoveDialog
          pipeline={NEED_PIPELINE}
          from={from}
          to={target}
          onSubmit={(input) => move.mutateAsync({ to: input.to, subStage: input.subStage, note: input.note })}
          onClose={() => setTarget(null)}
        />
      )}
    </>
  );
}
