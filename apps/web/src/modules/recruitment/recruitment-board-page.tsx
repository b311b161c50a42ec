import { PlusOutlined } from '@ant-design/icons';
import { canMoveStage, type RecruitmentSummary, type Stage } from '@gaodi/contracts';
import { App, Button, Card, Empty, Flex, Input, Segmented, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { useCan } from '../auth/use-session.ts';
import { GradeTag, LightTag, lightLabel, stageLabel } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';
import { StageMoveDialog } from './stage-move-dialog.tsx';
import { useBoard } from './use-recruitment.ts';

const LIGHT_BORDER = { red: '#ff4d4f', yellow: '#faad14', green: '#52c41a', none: '#d9d9d9' } as const;

/** Kanban by stage: drag a card to another column; only STAGE_TRANSITIONS' moves are accepted. */
export function RecruitmentBoardPage() {
  const { lang } = useI18n();
  const t = useText();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [light, setLight] = useState<string>('all');
  const board = useBoard({ q: q || undefined, light: light === 'all' ? undefined : light });
  const [dragging, setDragging] = useState<RecruitmentSummary | null>(null);
  const [move, setMove] = useState<{ card: RecruitmentSummary; to: Stage } | null>(null);
  const mayMove = can('recruitment', 'update');

  const drop = (to: Stage) => {
    const card = dragging;
    setDragging(null);
    if (!card || card.stage === to) return;
    if (!canMoveStage(card.stage, to)) {
      message.warning(t('notAllowed', { from: stageLabel(card.stage, lang), to: stageLabel(to, lang) }));
      return;
    }
    setMove({ card, to });
  };

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
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ maxWidth: 260 }}
          onSearch={(v) => setQ(v.trim())}
        />
        <Segmented
          value={light}
          onChange={(v) => setLight(String(v))}
          options={[
            { value: 'all', label: t('all') },
            ...(['red', 'yellow', 'green'] as const).map((l) => ({ value: l, label: lightLabel(l, lang) })),
          ]}
        />
        {mayMove && <Typography.Text type="secondary">{t('dragHint')}</Typography.Text>}
      </Flex>
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => board.refetch()} />
      ) : !board.data ? (
        <Spin />
      ) : (
        <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
          {board.data.columns.map((col) => {
            const accepts = dragging ? canMoveStage(dragging.stage, col.stage) : false;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for the mouse; keyboard users move stages with the detail page's 变更阶段 menu.
              <section
                key={col.stage}
                data-testid={`board-column-${col.stage}`}
                onDragOver={(e) => {
                  if (accepts) e.preventDefault();
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  drop(col.stage);
                }}
                style={{
                  minWidth: 240,
                  width: 240,
                  background: accepts ? '#e6f4ff' : '#f5f5f5',
                  outline: accepts ? '2px dashed #1677ff' : undefined,
                  borderRadius: 8,
                  padding: 8,
                  opacity: dragging && !accepts && dragging.stage !== col.stage ? 0.5 : 1,
                }}
              >
                <Flex justify="space-between" style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{stageLabel(col.stage, lang)}</Typography.Text>
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
                  {col.total > col.items.length && (
                    <Link to={`/recruitment/records?stage=${col.stage}`}>
                      {t('more', { n: col.total - col.items.length })}
                    </Link>
                  )}
                </Flex>
              </section>
            );
          })}
        </div>
      )}
      {move && (
        <StageMoveDialog
          recordId={move.card.id}
          from={move.card.stage}
          to={move.to}
          onClose={() => setMove(null)}
        />
      )}
    </Page>
  );
}
