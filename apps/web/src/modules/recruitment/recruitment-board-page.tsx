import { PlusOutlined } from '@ant-design/icons';
import {
  BoardQuery,
  type Grade,
  LIGHTS,
  type LightState,
  type RecruitmentBoard,
  type RecruitmentSummary,
  recruitmentPipeline,
  type Stage,
} from '@gaodi/contracts';
import { App, Button, Card, Empty, Flex, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { useUrlState } from '../../ui/url-state.ts';
import { useCan } from '../auth/use-session.ts';
import { LightTag, lightLabel } from '../supervision/light-tag.tsx';
import { GradeTag, gradeLabel, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { StageMoveDialog } from './stage-move-dialog.tsx';
import { useBoard, useReassignRecord } from './use-recruitment.ts';

const LIGHT_BORDER = { red: '#ff4d4f', yellow: '#faad14', green: '#52c41a', none: '#d9d9d9' } as const;
const URL_KEYS = ['groupBy', 'q', 'light'] as const;
type GroupBy = RecruitmentBoard['groupBy'];
type Column = RecruitmentBoard['columns'][number];
const GROUPINGS = BoardQuery.shape.groupBy.unwrap().options;
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
  const navigate = useNavigate();
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
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={groupBy}
          onChange={(v) => update({ groupBy: v === 'stage' ? undefined : String(v) })}
          data-testid="board-group-by"
          options={GROUPINGS.map((g) => ({
            value: g,
            label: <span data-testid={`board-group-${g}`}>{t(g)}</span>,
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ maxWidth: 260 }}
          defaultValue={state.q}
          onSearch={(v) => update({ q: v.trim() })}
        />
        {groupBy !== 'light' && (
          <Segmented
            value={light ?? 'all'}
            onChange={(v) => update({ light: v === 'all' ? undefined : String(v) })}
            options={[
              { value: 'all', label: t('all') },
              ...(['red', 'yellow', 'green'] as const).map((l) => ({ value: l, label: lightLabel(l, lang) })),
            ]}
          />
        )}
        {hint && (
          <Typography.Text type="secondary" data-testid="board-hint">
            {hint}
          </Typography.Text>
        )}
      </Flex>
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => board.refetch()} />
      ) : !board.data ? (
        <Spin />
      ) : (
        <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
          {board.data.columns.map((col) => {
            const isTarget = accepts(dragging, col.key);
            const isHome = dragging ? keyOf(dragging, shownBy) === col.key : false;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for the mouse; keyboard users change stage, grade and owner on the detail page.
              <section
                key={col.key}
                data-testid={`board-column-${col.key}`}
                onDragOver={(e) => {
                  if (isTarget) e.preventDefault();
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  drop(col);
                }}
                style={{
                  minWidth: 240,
                  width: 240,
                  background: isTarget ? '#e6f4ff' : '#f5f5f5',
                  outline: isTarget ? '2px dashed #1677ff' : undefined,
                  borderRadius: 8,
                  padding: 8,
                  opacity: dragging && !isTarget && !isHome ? 0.5 : 1,
                }}
              >
                <Flex justify="space-between" style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{columnTitle(col)}</Typography.Text>
                  <Tag>{col.total}</Tag>
                </Flex>
                <Flex vertical gap={8}>
                  {col.items.length === 0 && (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />
                  )}
                  {col.items.map((card) => (
                    <Card
                      key={card.id}
                      size="small"
                      hoverable
                      draggable={mayMove}
                      onDragStart={() => setDragging(card)}
                      onDragEnd={() => setDragging(null)}
                      onClick={() => navigate(`/recruitment/${card.id}`)}
                      data-testid="board-card"
                      data-record={card.instituteName}
                      style={{
                        borderLeft: `4px solid ${LIGHT_BORDER[card.light.light]}`,
                        cursor: mayMove ? 'grab' : 'pointer',
                      }}
                    >
                      <Flex justify="space-between" align="start" gap={4}>
                        <Typography.Text strong ellipsis style={{ maxWidth: 150 }}>
                          {card.instituteName}
                        </Typography.Text>
                        <GradeTag grade={card.grade} lang={lang} />
                      </Flex>
                      <Flex gap={4} wrap style={{ marginTop: 4 }}>
                        <LightTag light={card.light} lang={lang} />
                        {card.isGreenChannel && <Tag color="cyan">{t('greenChannel')}</Tag>}
                        {card.overdueMilestones > 0 && (
                          <Tag color="red">
                            {t('overdue')} {card.overdueMilestones}
                          </Tag>
                        )}
                      </Flex>
                      <Typography.Paragraph
                        type="secondary"
                        style={{ margin: '4px 0 0', fontSize: 12 }}
                        ellipsis={{ rows: 2 }}
                      >
                        {card.nextStep
                          ? `${card.nextStep}${card.nextDate ? `（${formatDate(card.nextDate, lang)}）` : ''}`
                          : ''}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {card.owner?.name ?? ''}
                      </Typography.Text>
                    </Card>
                  ))}
                  {col.total > col.items.length &&
                    (shownBy === 'owner' && col.key === '' ? (
                      // The list has no filter for records without an owner (every record has one).
                      <Typography.Text type="secondary">
                        {t('more', { n: col.total - col.items.length })}
                      </Typography.Text>
                    ) : (
                      <Link to={moreLink(col)}>{t('more', { n: col.total - col.items.length })}</Link>
                    ))}
                </Flex>
              </section>
            );
          })}
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
