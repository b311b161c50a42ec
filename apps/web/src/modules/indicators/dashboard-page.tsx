import type { Indicator, IndicatorCode, Region, SnapshotFigure } from '@gaodi/contracts';
import { Button, Card, Col, Flex, Progress, Row, Select, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { QueryError } from '../../ui/error-pages.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { Page, PageLoading } from '../../ui/page.tsx';
import { useCan, useSession } from '../auth/use-session.ts';
import { BriefingDialog } from './briefing-dialog.tsx';
import { FigureCharts } from './dashboard-charts.tsx';
import { FunnelCard } from './dashboard-funnel.tsx';
import {
  chinaYear,
  exportIndicators,
  recordsHref,
  useIndicators,
  useLatestSnapshot,
} from './use-indicators.ts';

const LIGHT_COLOR: Record<Indicator['light'], string> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#f5222d',
  none: '#1656b0',
};

/** One figure: value, unit, target and progress against the share expected by today; opens its records. */
/** 比上月末: the change since the newest month-end snapshot, explained record by record on hover. */
function SinceSnapshot({ figure: f, month }: { figure: SnapshotFigure; month: number }) {
  const { t } = useI18n();
  const change = f.live - f.frozen;
  return (
    <Tooltip
      title={t('ind.snapshotExplain', {
        month,
        frozen: f.frozen,
        added: f.added,
        late: f.late,
        removed: f.removed,
      })}
    >
      <Typography.Text type={change > 0 ? 'success' : 'secondary'} style={{ fontSize: 12, display: 'block' }}>
        {t('ind.sinceSnapshot', { month, change: change > 0 ? `+${change}` : String(change) })}
      </Typography.Text>
    </Tooltip>
  );
}

function FigureTile({
  indicator: i,
  year,
  region,
  since,
}: {
  indicator: Indicator;
  year: number;
  region?: string;
  since?: { figure: SnapshotFigure; month: number };
}) {
  const { t } = useI18n();
  return (
    <Link to={recordsHref(i.code, { year, region })} data-testid={`figure-${i.code}`}>
      <Card
        hoverable
        size="small"
        title={i.name}
        extra={i.light !== 'none' && <Tag color={LIGHT_COLOR[i.light]}>{t(`ind.light.${i.light}`)}</Tag>}
      >
        <Statistic value={i.value} suffix={i.unit} />
        {since && <SinceSnapshot figure={since.figure} month={since.month} />}
        {i.target !== null ? (
          <>
            <Progress
              percent={Math.min(100, i.progress ?? 0)}
              strokeColor={LIGHT_COLOR[i.light]}
              size="small"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ind.targetLine', { target: i.target, expected: i.expected ?? 0 })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ind.noTarget')}
          </Typography.Text>
        )}
      </Card>
    </Link>
  );
}

/** The active region and every region below it, in tree order (the figures a leader may open). */
function regionsBelow(all: readonly Region[], root: string): Region[] {
  const out: Region[] = [];
  const visit = (code: string) => {
    const r = all.find((x) => x.code === code);
    if (r) out.push(r);
    for (const child of all.filter((x) => x.parentCode === code)) visit(child.code);
  };
  visit(root);
  return out;
}

/** 领导驾驶舱: the article's figures with targets, a figure month by month, and by county. */
export function DashboardPage() {
  const { t } = useI18n();
  const me = useSession();
  const [year, setYear] = useState(chinaYear());
  const [region, setRegion] = useState<string | undefined>(undefined);
  const [code, setCode] = useState<IndicatorCode>('signed_projects');
  const all = useIndicators(year, region);
  const snapshot = useLatestSnapshot(year, region);
  const can = useCan();
  const [isBriefing, setIsBriefing] = useState(false);
  const snapshotMonth = Number(snapshot.data?.period.slice(5) ?? 0);

  if (all.isError) return <QueryError error={all.error} onRetry={() => all.refetch()} />;
  if (!all.data) return <PageLoading />;
  const regions = regionsBelow(me.regions, me.activeRegionCode);
  return (
    <Page
      title={t('ind.dashboard')}
      crumbs={[{ title: t('nav.home'), to: '/' }, { title: t('ind.dashboard') }]}
      testId="dashboard"
      extra={
        <Flex gap={8} wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={[0, 1, 2].map((d) => ({
              value: chinaYear() - d,
              label: t('ind.year', { year: chinaYear() - d }),
            }))}
            data-testid="dashboard-year"
          />
          {can('indicator', 'export') && (
            <>
              <Button onClick={() => exportIndicators(year, region)}>{t('ind.exportLedger')}</Button>
              <Button onClick={() => setIsBriefing(true)}>{t('ind.briefing')}</Button>
            </>
          )}
          {regions.length > 1 && (
            <Select
              value={region ?? me.activeRegionCode}
              onChange={(v) => setRegion(v === me.activeRegionCode ? undefined : v)}
              style={{ width: 160 }}
              options={regions.map((r) => ({ value: r.code, label: r.name }))}
            />
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('ind.hint', { region: all.data.regionName, year })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {all.data.indicators.map((i) => (
          <Col key={i.code} xs={12} md={8} xl={6}>
            <FigureTile
              indicator={i}
              year={year}
              region={region}
              since={(() => {
                const f = snapshot.data?.figures.find((x) => x.code === i.code);
                return f ? { figure: f, month: snapshotMonth } : undefined;
              })()}
            />
          </Col>
        ))}
      </Row>
      <FunnelCard year={year} region={region} />
      <FigureCharts
        indicators={all.data.indicators}
        code={code}
        onCode={setCode}
        year={year}
        region={region}
      />
      {isBriefing && <BriefingDialog year={year} region={region} onClose={() => setIsBriefing(false)} />}
    </Page>
  );
}
