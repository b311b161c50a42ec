import { PlusOutlined } from '@ant-design/icons';
import {
  type Grade,
  LIGHTS,
  type LightState,
  type RecruitmentBoard,
  type RecruitmentSummary,
  recruitmentPipeline,
  type Stage,
} from '@gaodi/contracts';
import { App, Button, Spin } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { lightLabel } from '../supervision/light-tag.tsx';
import { BoardCard, BoardColumn, BoardToolbar, GROUPINGS } from './board-parts.tsx';
import { gradeLabel, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { StageMoveDialog } from './stage-move-dialog.tsx';
import { useBoard, useReassignRecord } from './use-recruitment.ts';

const URL_KEYS = ['groupBy', 'q', 'light'] as const;
type GroupBy = RecruitmentBoard['groupBy'];
type Column = RecruitmentBoard['columns'][number];
/** The list's filter that shows one column's records (the "more" link). */
const LIST_FILTER: Record<GroupBy, string> = {
  stage: 'stage',
  grade: 'grade',
  light: 'light',
  owner: 'ownerId',
};

/** A card's value of the grouping field: the key of the column it sits in. */
function keyOf(card: RecruitmentSummary, groupBy: GroupBy): string {
  if (groupBy === 'stage') return card.stage;
  if (groupBy === 'grade') return card.grade;
  if (groupBy === 'light') return card.light.light;
  return card.owner?.id ?? '';
}

/**
 * Kanban grouped by stage (default), grade, light or owner, chosen in the URL (`?groupBy=grade`).
 * Dragging a card to another column: a stage move through the dialog (only the pipeline's allowed moves
 * are accepted), a grade or owner change saved at once; lights are computed, so not draggable.
 */
export function RecruitmentBoardPage() {
  const { lang } = useI18n();
  const t = useText();
  const can = useCan();
  const { message } = App.useApp();
  const [state, update] = useUrlState(URL_KEYS);
  const groupBy: GroupBy = GROUPINGS.find((g) => g === state.groupBy) ?? 'stage';
  const light = groupBy === 'light' ? undefined : LIGHTS.find((l) => l === state.light);
  const board = useBoard({ groupBy, q: state.q, light });
  const reassign = useReassignRecord();
  const [dragging, setDragging] = useState<RecruitmentSummary | null>(null);
  const [move, setMove] = useState<{ card: RecruitmentSummary; to: Stage } | null>(null);
  // While another grouping loads, the previous board stays on screen with its own grouping.
  const shownBy = board.data?.groupBy ?? groupBy;
  const mayMove = can('recruitment', 'update') && shownBy !== 'light' && !reassign.isPending;

  const columnTitle = (col: Column) => {
    if (shownBy === 'stage') return stageLabel(col.key as Stage, lang);
    if (shownBy === 'grade') return gradeLabel(col.key as Grade, lang);
    if (shownBy === 'light') return lightLabel(col.key as LightState['light'], lang);
    return col.key ? (col.label ?? '') : t('unassigned');
  };
  const accepts = (card: RecruitmentSummary | null, key: string) => {
    if (!card || keyOf(card, shownBy) === key) return false;
    if (shownBy === 'stage') return recruitmentPipeline.canMove(card.stage, key as Stage);
    if (shownBy === 'owner') return key !== ''; // every record has an owner
    return shownBy === 'grade';
  };
  const moreLink = (col: Column) => {
    const params = new URLSearchParams({ [LIST_FILTER[shownBy]]: col.key });
    if (state.q) params.set('q', state.q);
    if (light) params.set('light', light);
    return `/recruitment/records?${params}`;
  };

  const drop = (col: Column) => {
    const card = dragging;
    setDragging(null);
    if (!card || keyOf(card, shownBy) === col.key) return;
    if (shownBy === 'stage') {
      const to = col.key as Stage;
      if (!recruitmentPipeline.canMove(card.stage, to)) {
        message.warning(t('notAllowed', { from: stageLabel(card.stage, lang), to: stageLabel(to, lang) }));
        return;
      }
      setMove({ card, to });
      return;
    }
    if (!accepts(card, col.key)) return;
    const change = shownBy === 'grade' ? { grade: col.key as Grade } : { ownerId: col.key };
    reassign.mutate(
      { id: card.id, change },
      {
        onSuccess: () =>
          message.success(
            shownBy === 'grade'
              ? t('gradeChanged', { to: gradeLabel(col.key as Grade, lang) })
              : t('ownerChanged', { to: columnTitle(col) }),
          ),
        onError: (e) => message.error(e instanceof Error ? e.message : String(e)),
      },
    );
  };
  const hint =
    shownBy === 'light'
      ? t('lightNotDraggable')
      : !can('recruitment', 'update')
        ? null
        : shownBy === 'stage'
          ? t('dragHint')
          : shownBy === 'grade'
            ? t('dragHintGrade')
            : t('dragHintOwner');

  return (
    <Page
      title={t('board')}
      crumbs={[{ title: t('title') }, { title: t('board') }]}
      testId="recruitment-board"
      extra={
        <>
          <Link to="/recruitment/records">
            <Button>{t('list')}</Button>
          </Link>
          {can('recruitment', 'create') && (
            <Link to="/recruitment/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="recruitment-new">
                {t('newRecord')}
              </Button>
            </Link>
          )}
        </>
      }
    >
      <BoardToolbar
        groupBy={groupBy}
        light={light}
        q={state.q}
        hint={hint}
        onChange={(change) => update(change)}
      />
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => board.refetch()} />
      ) : !board.data ? (
        <Spin />
      ) : (
        <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
          {board.data.columns.map((col) => (
            <BoardColumn
              key={col.key}
              column={col}
              title={columnTitle(col)}
              isTarget={accepts(dragging, col.key)}
              isDimmed={
                dragging !== null && !accepts(dragging, col.key) && keyOf(dragging, shownBy) !== col.key
              }
              moreLink={shownBy === 'owner' && col.key === '' ? null : moreLink(col)}
              onDrop={() => drop(col)}
            >
              {col.items.map((card) => (
                <BoardCard
                  key={card.id}
                  card={card}
                  mayMove={mayMove}
                  onDragStart={() => setDragging(card)}
                  onDragEnd={() => setDragging(null)}
                />
              ))}
            </BoardColumn>
          ))}
        </div>
      )}
      {move && (
        <StageMoveDialog
          recordId={move.card.id}
          from={{ stage: move.card.stage, subStage: move.card.subStage }}
          to={{ stage: move.to, subStage: null }}
          onClose={() => setMove(null)}
        />
      )}
    </Page>
  );
}
