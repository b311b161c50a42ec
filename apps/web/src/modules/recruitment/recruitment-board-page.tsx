import { PlusOutlined } from '@ant-design/icons';
import { LIGHTS } from '@gaodi/contracts';
import { Button, Spin } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { Page } from '../../ui/page.tsx';
import { useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { BoardLanes } from './board-lanes.tsx';
import { BoardToolbar, GROUPINGS } from './board-parts.tsx';
import { useText } from './recruitment-text.ts';
import { StageMoveDialog } from './stage-move-dialog.tsx';
import { type Column, type GroupBy, useBoardMoves, useDragHint } from './use-board-moves.ts';
import { useBoard } from './use-recruitment.ts';

const URL_KEYS = ['groupBy', 'q', 'light'] as const;
/** The list's filter that shows one column's records (the "more" link). */
const LIST_FILTER: Record<GroupBy, string> = {
  stage: 'stage',
  grade: 'grade',
  light: 'light',
  owner: 'ownerId',
};

/**
 * Kanban grouped by stage (default), grade, light or owner, chosen in the URL (`?groupBy=grade`).
 * Dragging a card to another column moves it (use-board-moves.ts); columns in board-lanes.tsx.
 */
export function RecruitmentBoardPage() {
  const t = useText();
  const can = useCan();
  const [state, update] = useUrlState(URL_KEYS);
  const groupBy: GroupBy = GROUPINGS.find((g) => g === state.groupBy) ?? 'stage';
  const light = groupBy === 'light' ? undefined : LIGHTS.find((l) => l === state.light);
  const board = useBoard({ groupBy, q: state.q, light });
  // While another grouping loads, the previous board stays on screen with its own grouping.
  const shownBy = board.data?.groupBy ?? groupBy;
  const moves = useBoardMoves(shownBy);
  const hint = useDragHint(shownBy);
  const moreLink = (col: Column) => {
    if (shownBy === 'owner' && col.key === '') return null;
    const params = new URLSearchParams({ [LIST_FILTER[shownBy]]: col.key });
    if (state.q) params.set('q', state.q);
    if (light) params.set('light', light);
    return `/recruitment/records?${params}`;
  };
  return (
    <Page
      title={t('board')}
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
      <BoardToolbar groupBy={groupBy} light={light} q={state.q} hint={hint} onChange={(c) => update(c)} />
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => board.refetch()} />
      ) : !board.data ? (
        <Spin />
      ) : (
        <BoardLanes columns={board.data.columns} shownBy={shownBy} moves={moves} moreLink={moreLink} />
      )}
      {moves.move && (
        <StageMoveDialog
          recordId={moves.move.card.id}
          from={{ stage: moves.move.card.stage, subStage: moves.move.card.subStage }}
          to={{ stage: moves.move.to, subStage: null }}
          onClose={() => moves.setMove(null)}
        />
      )}
    </Page>
  );
}
