import {
  type BriefingQuery,
  ExportBriefingRoute,
  ExportIndicatorsRoute,
  GetSnapshotRoute,
  IndicatorBreakdownRoute,
  type IndicatorCode,
  IndicatorFunnelRoute,
  type IndicatorTargetsInput,
  IndicatorTrendRoute,
  ListIndicatorRecordsRoute,
  ListIndicatorsRoute,
  ListSnapshotsRoute,
  SaveIndicatorTargetsRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';

/** The year in China (Asia/Shanghai): the year the office reports. */
export function chinaYear(): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
}

export function useIndicators(year: number, region?: string, isEnabled = true) {
  return useQuery({
    queryKey: ['indicators', year, region ?? ''],
    queryFn: () => call(ListIndicatorsRoute, { query: { year, region } }),
    enabled: isEnabled,
  });
}

export function useIndicatorRecords(
  code: IndicatorCode,
  query: { year: number; region?: string; month?: number; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: ['indicators', code, 'records', query],
    queryFn: () => call(ListIndicatorRecordsRoute, { params: { code }, query }),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorBreakdown(code: IndicatorCode, year: number, region?: string) {
  return useQuery({
    queryKey: ['indicators', code, 'breakdown', year, region ?? ''],
    queryFn: () => call(IndicatorBreakdownRoute, { params: { code }, query: { year, region } }),
  });
}

export function useIndicatorFunnel(year: number, region?: string) {
  return useQuery({
    queryKey: ['indicators', 'funnel', year, region ?? ''],
    queryFn: () => call(IndicatorFunnelRoute, { query: { year, region } }),
  });
}

export function useIndicatorTrend(code: IndicatorCode, year: number, region?: string) {
  return useQuery({
    queryKey: ['indicators', code, 'trend', year, region ?? ''],
    queryFn: () => call(IndicatorTrendRoute, { params: { code }, query: { year, region } }),
  });
}

export function useSaveTargets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IndicatorTargetsInput) => call(SaveIndicatorTargetsRoute, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['indicators'] }),
  });
}

/** The drill-down page of a figure, with its filters. */
export function recordsHref(
  code: IndicatorCode,
  q: { year: number; region?: string; month?: number },
): string {
  const params = new URLSearchParams({ year: String(q.year) });
  if (q.region) params.set('region', q.region);
  if (q.month) params.set('month', String(q.month));
  return `/indicators/${code}?${params}`;
}

/** The newest month-end snapshot of `year` for the region, beside the live figures (比上月). */
export function useLatestSnapshot(year: number, region?: string) {
  const list = useQuery({
    queryKey: ['indicators', 'snapshots', region ?? ''],
    queryFn: () => call(ListSnapshotsRoute, { query: { region } }),
  });
  const period = list.data?.items.find((i) => i.period.startsWith(`${year}-`))?.period;
  return useQuery({
    queryKey: ['indicators', 'snapshot', period, region ?? ''],
    queryFn: () => call(GetSnapshotRoute, { query: { period: period ?? '', region } }),
    enabled: Boolean(period),
  });
}

export const exportIndicators = (year: number, region?: string) =>
  downloadRoute(ExportIndicatorsRoute, { query: { year, region } }, 'indicators.xlsx');

export const downloadBriefing = (query: BriefingQuery) =>
  downloadRoute(ExportBriefingRoute, { query }, 'briefing.docx');
