import type { EChartsOption, EChartsType } from 'echarts';
import { useEffect, useRef } from 'react';

export type ChartClick = { name: string; dataIndex: number; seriesIndex: number; value: unknown };

/**
 * One ECharts chart: created on mount (echarts loaded on demand, so pages without charts do not
 * carry it), options replaced on change, resized with its box, and clicks handed to `onClick`
 * (every chart element drills to records).
 */
export function EChart({
  option,
  height = 320,
  onClick,
  testId,
}: {
  option: EChartsOption;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const initial = useRef(option);

  useEffect(() => {
    let isLive = true;
    let observer: ResizeObserver | null = null;
    void import('echarts').then((echarts) => {
      if (!isLive || !box.current) return;
      const instance = echarts.init(box.current);
      chart.current = instance;
      instance.on('click', (e) => click.current?.(e as unknown as ChartClick));
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(box.current);
      instance.setOption(initial.current);
    });
    return () => {
      isLive = false;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  // Created once per mount (above); later options are set here.
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}
