import { type CheckinWindow, GetCheckinWindowRoute, SaveCheckinWindowRoute } from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = ['checkin-window'];

export function useCheckinWindow() {
  return useQuery({ queryKey: KEY, queryFn: () => call(GetCheckinWindowRoute, {}) });
}

export function useSaveCheckinWindow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckinWindow) => call(SaveCheckinWindowRoute, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
