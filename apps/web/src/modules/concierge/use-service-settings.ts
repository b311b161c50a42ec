import {
  type CalendarDay,
  GetCalendarYearRoute,
  GetTimeLimitsRoute,
  SaveCalendarYearRoute,
  SaveTimeLimitsRoute,
  type TimeLimit,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'service-settings';

/** The office's time limits per kind (its own, or the defaults). */
export function useTimeLimits() {
  return useQuery({ queryKey: [KEY, 'limits'], queryFn: () => call(GetTimeLimitsRoute, {}) });
}

export function useSaveTimeLimits() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (limits: TimeLimit[]) => call(SaveTimeLimitsRoute, { body: { limits } }),
    onSuccess: (data) => qc.setQueryData([KEY, 'limits'], data),
  });
}

/** The office's holidays and adjusted working days (调休) of one year. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [KEY, 'calendar', year],
    queryFn: () => call(GetCalendarYearRoute, { params: { year } }),
  });
}

export function useSaveCalendarYear(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (days: CalendarDay[]) => call(SaveCalendarYearRoute, { params: { year }, body: { days } }),
    onSuccess: (data) => qc.setQueryData([KEY, 'calendar', year], data),
  });
}
