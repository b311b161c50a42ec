import { recruitmentPipeline, type Stage } from '@gaodi/contracts';
import { Flex } from 'antd';
import { BoardCard, BoardColumn } from './board-parts.tsx';
import { type Column, type GroupBy, keyOf, type useBoardMoves } from './use-board-moves.ts';

type Moves = ReturnType<typeof useBoardMoves>;

/**
 * The board's columns. By stage, the pipeline's side exits (搁置, 终止) stack in one narrow lane at
 * the right, so the main stages and the exits fit a 1440 px screen without scrolling; other
 * groupings share the width and scroll when there are many (owners).
 */
export function BoardLanes({
  columns,
  shownBy,
  moves,
  moreLink,
}: {
  columns: Column[];
  shownBy: GroupBy;
  moves: Moves;
  moreLink: (col: Column) => string | null;
}) {
  const isExit = (col: Column) =>
    shownBy === 'stage' && recruitmentPipeline.sideExits.includes(col.key as Stage);
  const column = (col: Column) => (
    <BoardColumn
      key={col.key}
      column={col}
      title={moves.columnTitle(col)}
      isTarget={moves.accepts(moves.dragging, col.key)}
      isDimmed={
        moves.dragging !== null &&
        !moves.accepts(moves.dragging, col.key) &&
        keyOf(moves.dragging, shownBy) !== col.key
      }
      moreLink={moreLink(col)}
      onDrop={() => moves.drop(col)}
    >
      {col.items.map((card) => (
        <BoardCard
          key={card.id}
          card={card}
          mayMove={moves.mayMove}
          onDragStart={() => moves.setDragging(card)}
          onDragEnd={() => moves.setDragging(null)}
        />
      ))}
    </BoardColumn>
  );
  const exits = columns.filter(isExit);
  return (
    <div className="board-lanes" data-testid="board-lanes">
      {columns.filter((c) => !isExit(c)).map(column)}
      {exits.length > 0 && (
        <Flex vertical gap={8} className="board-side-lane" data-testid="board-side-lane">
          {exits.map(column)}
        </Flex>
      )}
    </div>
  );
}
