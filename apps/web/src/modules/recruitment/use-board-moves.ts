import {
  type Grade,
  type LightState,
  type RecruitmentBoard,
  type RecruitmentSummary,
  recruitmentPipeline,
  type Stage,
} from '@gaodi/contracts';
import { App } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { lightLabel } from '../supervision/light-tag.tsx';
import { gradeLabel, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { useReassignRecord } from './use-recruitment.ts';

export type GroupBy = RecruitmentBoard['groupBy'];
export type Column = RecruitmentBoard['columns'][number];

/** A card's value of the grouping field: the key of the column it sits in. */
export function keyOf(card: RecruitmentSummary, groupBy: GroupBy): string {
  if (groupBy === 'stage') return card.stage;
  if (groupBy === 'grade') return card.grade;
  if (groupBy === 'light') return card.light.light;
  return card.owner?.id ?? '';
}

/** A column's heading in the board's grouping. */
export function useColumnTitle(shownBy: GroupBy) {
  const { lang } = useI18n();
  const t = useText();
  return (col: Column) => {
    if (shownBy === 'stage') return stageLabel(col.key as Stage, lang);
    if (shownBy === 'grade') return gradeLabel(col.key as Grade, lang);
    if (shownBy === 'light') return lightLabel(col.key as LightState['light'], lang);
    return col.key ? (col.label ?? '') : t('unassigned');
  };
}

/**
 * Dragging cards between columns: a stage move opens the move dialog (only the pipeline's allowed
 * moves are accepted), a grade or owner change is saved at once; lights are computed, not dragged.
 */
export function useBoardMoves(shownBy: GroupBy) {
  const { lang } = useI18n();
  const t = useText();
  const can = useCan();
  const { message } = App.useApp();
  const reassign = useReassignRecord();
  const columnTitle = useColumnTitle(shownBy);
  const [dragging, setDragging] = useState<RecruitmentSummary | null>(null);
  const [move, setMove] = useState<{ card: RecruitmentSummary; to: Stage } | null>(null);
  const accepts = (card: RecruitmentSummary | null, key: string) => {
    if (!card || keyOf(card, shownBy) === key) return false;
    if (shownBy === 'stage') return recruitmentPipeline.canMove(card.stage, key as Stage);
    if (shownBy === 'owner') return key !== ''; // every record has an owner
    return shownBy === 'grade';
  };
  const drop = (col: Column) => {
    const card = dragging;
    setDragging(null);
    if (!card || keyOf(card, shownBy) === col.key) return;
    if (shownBy === 'stage') {
      const to = col.key as Stage;
      if (recruitmentPipeline.canMove(card.stage, to)) setMove({ card, to });
      else message.warning(t('notAllowed', { from: stageLabel(card.stage, lang), to: stageLabel(to, lang) }));
      return;
    }
    if (!accepts(card, col.key)) return;
    const isGrade = shownBy === 'grade';
    reassign.mutate(
      { id: card.id, change: isGrade ? { grade: col.key as Grade } : { ownerId: col.key } },
      {
        onSuccess: () =>
          message.success(
            isGrade
              ? t('gradeChanged', { to: gradeLabel(col.key as Grade, lang) })
              : t('ownerChanged', { to: columnTitle(col) }),
          ),
        onError: (e) => message.error(e instanceof Error ? e.message : String(e)),
      },
    );
  };
  const mayMove = can('recruitment', 'update') && shownBy !== 'light' && !reassign.isPending;
  return { dragging, setDragging, move, setMove, accepts, drop, columnTitle, mayMove };
}

/** The hint above the board: what dragging does in this grouping, for those who may drag. */
export function useDragHint(shownBy: GroupBy): string | null {
  const t = useText();
  const can = useCan();
  if (shownBy === 'light') return t('lightNotDraggable');
  if (!can('recruitment', 'update')) return null;
  if (shownBy === 'stage') return t('dragHint');
  return shownBy === 'grade' ? t('dragHintGrade') : t('dragHintOwner');
}
