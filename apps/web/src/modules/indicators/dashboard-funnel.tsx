import type { Funnel } from '@gaodi/contracts';
import { Card, Col, Flex, Row, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { EChart } from '../../ui/echart.tsx';
import { useI18n } from '../../ui/i18n.tsx';
import { recordsHref, useIndicatorFunnel } from './use-indicators.ts';

const COLORS = ['#1656b0', '#2f6fc4', '#3f8f6b', '#d48806', '#cf1322'];

/** The funnel drawn in step order (never re-sorted by value), widths by value. */
const funnelOptionOf = (steps: Funnel['steps']): EChartsOption => ({
  tooltip: { trigger: 'item', formatter: '{b}：{c}' },
  series: [
    {
      type: 'funnel',
      sort: 'none',
      left: '10%',
      width: '80%',
      minSize: '8%',
      gap: 2,
      label: { position: 'inside', formatter: '{b} {c}' },
      data: steps.map((s, i) => ({ name: s.name, value: s.value, itemStyle: { color: COLORS[i] } })),
    },
  ],
});

/**
 * 对接漏斗: the needs collected this year and how far they got (发布 → 对接 → 签约 → 落地), each step
 * with its share of the step before; a step (in the chart or the list) opens exactly its needs.
 */
export function FunnelCard({ year, region }: { year: number; region?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const funnel = useIndicatorFunnel(year, region);
  const steps = funnel.data?.steps ?? [];
  const option = useMemo(() => funnelOptionOf(steps), [steps]);
  return (
    <Card title={t('ind.funnel')} style={{ marginBottom: 16 }} data-testid="dashboard-funnel">
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={14}>
          <EChart
            option={option}
            height={260}
            testId="dashboard-funnel-chart"
            onClick={(e) => {
              const step = steps[e.dataIndex];
              if (step) navigate(recordsHref(step.code, { year, region }));
            }}
          />
        </Col>
        <Col xs={24} md={10}>
          <Flex vertical gap={8}>
            {steps.map((s) => (
              <Link key={s.code} to={recordsHref(s.code, { year, region })} data-testid={`funnel-${s.code}`}>
                <Flex justify="space-between" gap={8}>
                  <span title={s.definition}>{s.name}</span>
                  <span>
                    <Typography.Text strong>{s.value}</Typography.Text>
                    {s.conversion !== null && (
                      <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                        {t('ind.conversion', { rate: s.conversion })}
                      </Typography.Text>
                    )}
                  </span>
                </Flex>
              </Link>
            ))}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
