import type { Indicator, IndicatorCode } from '@gaodi/contracts';
import { Card, Col, Empty, Row, Segmented, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { EChart } from '../../ui/echart.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { recordsHref, useIndicatorBreakdown, useIndicatorTrend } from './use-indicators.ts';

/** Bars month by month (the trend chart). */
const trendOptionOf = (months: string[], values: number[], name: string | undefined): EChartsOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 40, right: 16, top: 24, bottom: 32 },
  xAxis: { type: 'category', data: months },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', name, data: values, itemStyle: { color: '#1656b0' } }],
});

/** A bar per region, top down (the by-region chart). */
const breakdownOptionOf = (
  rows: readonly { regionName: string; value: number }[],
  name: string | undefined,
): EChartsOption => ({
  tooltip: { trigger: 'axis' },
  grid: { left: 100, right: 24, top: 16, bottom: 24 },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: rows.map((r) => r.regionName), inverse: true },
  series: [{ type: 'bar', name, data: rows.map((r) => r.value), itemStyle: { color: '#3f8f6b' } }],
});

/**
 * The chosen figure month by month and by the regions below: a bar opens the records behind it
 * (that month's, or that region's).
 */
export function FigureCharts({
  indicators,
  code,
  onCode,
  year,
  region,
}: {
  indicators: Indicator[];
  code: IndicatorCode;
  onCode: (code: IndicatorCode) => void;
  year: number;
  region: string | undefined;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const trend = useIndicatorTrend(code, year, region);
  const breakdown = useIndicatorBreakdown(code, year, region);
  const current = indicators.find((i) => i.code === code);
  const months = trend.data?.months;
  const trendOption = useMemo(
    () =>
      trendOptionOf(
        (months ?? []).map((m) => t('ind.month', { month: m.month })),
        (months ?? []).map((m) => m.value),
        current?.name,
      ),
    [months, current?.name, t],
  );
  const breakdownRows = breakdown.data?.rows ?? [];
  const breakdownOption = useMemo(
    () => breakdownOptionOf(breakdownRows, current?.name),
    [breakdownRows, current?.name],
  );

  return (
    <Card
      title={
        <Segmented
          value={code}
          onChange={(v) => onCode(v as IndicatorCode)}
          options={indicators.map((i) => ({ value: i.code, label: i.name }))}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={5}>{t('ind.trend')}</Typography.Title>
          <EChart
            option={trendOption}
            testId="dashboard-trend"
            onClick={(e) => navigate(recordsHref(code, { year, region, month: e.dataIndex + 1 }))}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={5}>{t('ind.byRegion')}</Typography.Title>
          {breakdownRows.length > 0 ? (
            <EChart
              option={breakdownOption}
              height={Math.max(200, breakdownRows.length * 36)}
              testId="dashboard-breakdown"
              onClick={(e) => {
                const row = breakdownRows[e.dataIndex];
                if (row) navigate(recordsHref(code, { year, region: row.regionCode }));
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Col>
      </Row>
    </Card>
  );
}
