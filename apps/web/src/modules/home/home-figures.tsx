import {
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileDoneOutlined,
  RocketOutlined,
  ShopOutlined,
  StarOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { IndicatorCode } from '@gaodi/contracts';
import { Card, Col, Flex, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../messages.ts';
import { useI18n } from '../../ui/i18n.tsx';
import { useCan } from '../auth/use-session.ts';
import { useEnterprises } from '../directory/use-enterprises.ts';
import { useExperts } from '../directory/use-experts.ts';
import { useInstitutes } from '../directory/use-institutes.ts';
import { chinaYear, recordsHref, useIndicators } from '../indicators/use-indicators.ts';

const ONE = { page: 1, pageSize: 1 } as const;

function FigureCard({
  title,
  unit,
  icon,
  to,
  value,
  isLoading,
  testId,
}: {
  title: MessageKey;
  unit: MessageKey;
  icon: ReactNode;
  to: string;
  value: number | undefined;
  isLoading: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Link to={to}>
      <Card hoverable className="stat-card" data-testid={testId}>
        <Flex justify="space-between" align="center">
          <Statistic
            title={t(title)}
            value={value ?? 0}
            loading={isLoading}
            groupSeparator=","
            suffix={<span style={{ fontSize: 14 }}>{t(unit)}</span>}
          />
          <span style={{ fontSize: 36, color: '#1656b0', opacity: 0.85 }}>{icon}</span>
        </Flex>
      </Card>
    </Link>
  );
}

const TILES: { code: IndicatorCode; id: string; icon: ReactNode }[] = [
  { code: 'events', id: 'events', icon: <CalendarOutlined /> },
  { code: 'signed_projects', id: 'signed', icon: <FileDoneOutlined /> },
  { code: 'institutes_recruited', id: 'recruited', icon: <TrophyOutlined /> },
  { code: 'platforms_operating', id: 'operating', icon: <ClusterOutlined /> },
  { code: 'projects_landed', id: 'landed', icon: <RocketOutlined /> },
  { code: 'leading_talents', id: 'leading-talents', icon: <StarOutlined /> },
  { code: 'talents_gathered', id: 'talents', icon: <TeamOutlined /> },
];

/**
 * This year's figures of the article, from the indicators (one query each); a figure opens exactly
 * the records behind it, with its definition.
 */
export function YearFigures() {
  const { t } = useI18n();
  const can = useCan();
  const year = chinaYear();
  const isAllowed = can('indicator', 'read');
  const figures = useIndicators(year, undefined, isAllowed);
  if (!isAllowed) return null;
  const byCode = new Map((figures.data?.indicators ?? []).map((i) => [i.code, i]));
  const tiles = TILES.filter((tile) => figures.isPending || byCode.has(tile.code));
  return (
    <Card
      title={t('home.year', { year })}
      extra={<Link to="/dashboard">{t('ind.dashboard')}</Link>}
      style={{ marginBottom: 16 }}
      data-testid="home-year"
    >
      <Row gutter={[16, 16]}>
        {tiles.map((tile) => {
          const figure = byCode.get(tile.code);
          return (
            <Col flex="1 1 170px" key={tile.id}>
              <Link to={recordsHref(tile.code, { year })}>
                <Card hoverable className="stat-card" data-testid={`home-${tile.id}`}>
                  <Flex justify="space-between" align="center">
                    <Statistic
                      title={figure?.name ?? ''}
                      value={figure?.value ?? 0}
                      loading={figures.isPending}
                      suffix={<span style={{ fontSize: 14 }}>{figure?.unit}</span>}
                    />
                    <span style={{ fontSize: 36, color: '#1656b0', opacity: 0.85 }}>{tile.icon}</span>
                  </Flex>
                </Card>
              </Link>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}

/** The directory's sizes (企业, 院所, 专家) for the office; an organisation's own user has its own work instead. */
export function DirectoryFigures() {
  const can = useCan();
  const canEnterprise = can('enterprise', 'read');
  const canInstitute = can('institute', 'read');
  const canExpert = can('expert', 'read');
  const enterprises = useEnterprises(ONE, canEnterprise);
  const institutes = useInstitutes(ONE, canInstitute);
  const experts = useExperts(ONE, canExpert);
  const cards = [
    {
      show: canEnterprise,
      title: 'home.enterprises',
      unit: 'home.unit.enterprise',
      icon: <ShopOutlined />,
      to: '/enterprises',
      query: enterprises,
      testId: 'home-enterprises',
    },
    {
      show: canInstitute,
      title: 'home.institutes',
      unit: 'home.unit.institute',
      icon: <BankOutlined />,
      to: '/institutes',
      query: institutes,
      testId: 'home-institutes',
    },
    {
      show: canExpert,
      title: 'home.experts',
      unit: 'home.unit.expert',
      icon: <TeamOutlined />,
      to: '/experts',
      query: experts,
      testId: 'home-experts',
    },
  ] as const;
  const shown = cards.filter((c) => c.show);
  if (shown.length === 0) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {shown.map(({ query, show: _, ...card }) => (
        <Col key={card.testId} xs={24} sm={12} lg={8}>
          <FigureCard {...card} value={query.data?.total} isLoading={query.isPending} />
        </Col>
      ))}
    </Row>
  );
}
