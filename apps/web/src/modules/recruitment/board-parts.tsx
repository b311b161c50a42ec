import { BoardQuery, type Light, type RecruitmentBoard, type RecruitmentSummary } from '@gaodi/contracts';
import { Card, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../ui/format.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { LightTag, lightLabel } from '../supervision/light-tag.tsx';
import { GradeTag } from './recruitment-labels.tsx';
import { useText } from './recruitment-text.ts';

const LIGHT_BORDER = { red: '#ff4d4f', yellow: '#faad14', green: '#52c41a', none: '#d9d9d9' } as const;
export const GROUPINGS = BoardQuery.shape.groupBy.unwrap().options;
type GroupBy = RecruitmentBoard['groupBy'];

/** One record on the board: institute, grade, light, flags, next step, owner; a click opens it. */
export function BoardCard({
  card,
  mayMove,
  onDragStart,
  onDragEnd,
}: {
  card: RecruitmentSummary;
  mayMove: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const { lang } = useI18n();
  const t = useText();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      draggable={mayMove}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
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
  );
}

/** The board's grouping, search, light filter and the hint of what a drag does. */
export function BoardToolbar({
  groupBy,
  light,
  q,
  hint,
  onChange,
}: {
  groupBy: GroupBy;
  light: Light | undefined;
  q: string | undefined;
  hint: string | null;
  onChange: (change: Record<string, string | undefined>) => void;
}) {
  const { lang } = useI18n();
  const t = useText();
  return (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <Segmented
        value={groupBy}
        onChange={(v) => onChange({ groupBy: v === 'stage' ? undefined : String(v) })}
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
        defaultValue={q}
        onSearch={(v) => onChange({ q: v.trim() })}
      />
      {groupBy !== 'light' && (
        <Segmented
          value={light ?? 'all'}
          onChange={(v) => onChange({ light: v === 'all' ? undefined : String(v) })}
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
  );
}

/** A drop zone: its title and count, its first cards, a link to the rest in the list. */
export function BoardColumn({
  column: col,
  title,
  isTarget,
  isDimmed,
  moreLink,
  onDrop,
  children,
}: {
  column: RecruitmentBoard['columns'][number];
  title: string;
  isTarget: boolean;
  isDimmed: boolean;
  /** Null where the list has no filter for the column (records without an owner: none exist). */
  moreLink: string | null;
  onDrop: () => void;
  children: ReactNode;
}) {
  const t = useText();
  const more = t('more', { n: col.total - col.items.length });
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop zone for the mouse; keyboard users change stage, grade and owner on the detail page.
    <section
      data-testid={`board-column-${col.key}`}
      onDragOver={(e) => {
        if (isTarget) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        onDrop();
      }}
      style={{
        // Columns share the width (board-lanes.tsx); below this they scroll.
        flex: '1 1 0',
        minWidth: 150,
        background: isTarget ? '#e6f4ff' : '#f5f5f5',
        outline: isTarget ? '2px dashed #1677ff' : undefined,
        borderRadius: 8,
        padding: 8,
        opacity: isDimmed ? 0.5 : 1,
      }}
    >
      <Flex justify="space-between" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Tag>{col.total}</Tag>
      </Flex>
      <Flex vertical gap={8}>
        {col.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />}
        {children}
        {col.total > col.items.length &&
          (moreLink ? (
            <Link to={moreLink}>{more}</Link>
          ) : (
            <Typography.Text type="secondary">{more}</Typography.Text>
          ))}
      </Flex>
    </section>
  );
}
