import {
  Achievement,
  type AchievementInput,
  AchievementJsonlResult,
  type AchievementListQuery,
  AchievementPage,
  CheckinInfo,
  type CheckinInput,
  CheckinResult,
  type EventInput,
  type EventListQuery,
  EventPage,
  ImportPreview,
  ImportResult,
  MatchmakingEvent,
  MatchmakingSummary,
  Need,
  type NeedInput,
  type NeedListQuery,
  NeedPage,
  NeedRecommendations,
  type NeedStageInput,
  Ok,
  Pairing,
  type PairingInput,
  type PairingUpdateInput,
  type RecommendationQuery,
  type RejectInput,
  RejectionReport,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type Query } from '../../ui/api.ts';

const KEY = 'matchmaking';

export function useNeeds(query: NeedListQuery) {
  return useQuery({
    queryKey: [KEY, 'needs', query],
    queryFn: () => api.get('/api/needs', NeedPage, query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'need', id],
    queryFn: () => api.get(`/api/needs/${id}`, Need),
    enabled: Boolean(id),
  });
}

export function useRecommendations(id: string | undefined, query: RecommendationQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'recommendations', id, query],
    queryFn: () => api.get(`/api/needs/${id}/recommendations`, NeedRecommendations, query as Query),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

export function usePairings(query: { needId?: string; eventId?: string }) {
  return useQuery({
    queryKey: [KEY, 'pairings', query],
    queryFn: () => api.get('/api/pairings', z.array(Pairing), query),
  });
}

export function useRejectionReport(enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'rejections'],
    queryFn: () => api.get('/api/pairings/rejections', RejectionReport),
    enabled,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [KEY] });
}

export function useSaveNeed(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NeedInput) =>
      id ? api.put(`/api/needs/${id}`, Need, input) : api.post('/api/needs', Need, input),
    onSuccess: invalidate,
  });
}

export function useMoveNeed(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NeedStageInput) => api.post(`/api/needs/${id}/stage`, Need, input),
    onSuccess: invalidate,
  });
}

export function useCreatePairing() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PairingInput) => api.post('/api/pairings', Pairing, input),
    onSuccess: invalidate,
  });
}

export function useUpdatePairing() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...input }: PairingUpdateInput & { id: string }) =>
      api.patch(`/api/pairings/${id}`, Pairing, input),
    onSuccess: invalidate,
  });
}

export function useReject(needId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: RejectInput) => api.post(`/api/needs/${needId}/rejections`, Ok, input),
    onSuccess: invalidate,
  });
}

export function useAchievements(query: AchievementListQuery) {
  return useQuery({
    queryKey: [KEY, 'achievements', query],
    queryFn: () => api.get('/api/achievements', AchievementPage, query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useSaveAchievement(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AchievementInput) =>
      id
        ? api.put(`/api/achievements/${id}`, Achievement, input)
        : api.post('/api/achievements', Achievement, input),
    onSuccess: invalidate,
  });
}

export function useDeleteAchievement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/achievements/${id}`, Achievement),
    onSuccess: invalidate,
  });
}

export function useAchievementImport() {
  const invalidate = useInvalidate();
  return {
    preview: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return api.upload('/api/achievements/import', ImportPreview, form);
      },
    }),
    confirm: useMutation({
      mutationFn: (token: string) => api.post('/api/achievements/import/confirm', ImportResult, { token }),
      onSuccess: invalidate,
    }),
    jsonl: useMutation({
      mutationFn: (file: File) => {
        const form = new FormData();
        form.append('file', file);
        return api.upload('/api/achievements/import-jsonl', AchievementJsonlResult, form);
      },
      onSuccess: invalidate,
    }),
  };
}

export function useEvents(query: EventListQuery) {
  return useQuery({
    queryKey: [KEY, 'events', query],
    queryFn: () => api.get('/api/events', EventPage, query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'event', id],
    queryFn: () => api.get(`/api/events/${id}`, MatchmakingEvent),
    enabled: Boolean(id),
  });
}

export function useSummary(year: number) {
  return useQuery({
    queryKey: [KEY, 'summary', year],
    queryFn: () => api.get('/api/matchmaking/summary', MatchmakingSummary, { year }),
  });
}

export function useSaveEvent(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EventInput) =>
      id
        ? api.put(`/api/events/${id}`, MatchmakingEvent, input)
        : api.post('/api/events', MatchmakingEvent, input),
    onSuccess: invalidate,
  });
}

export function useAttendance(eventId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ participantId, attended }: { participantId: string; attended: boolean }) =>
      api.post(`/api/events/${eventId}/participants/${participantId}/attendance`, MatchmakingEvent, {
        attended,
      }),
    onSuccess: invalidate,
  });
}

export const downloadEventReport = (id: string) =>
  api.download(`/api/events/${id}/report.docx`, undefined, 'event-report.docx');

export function useCheckinInfo(token: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'checkin', token],
    queryFn: () => api.get(`/api/checkin/${token}`, CheckinInfo),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useCheckin(token: string) {
  return useMutation({
    mutationFn: (input: CheckinInput) =>
      api.post(`/api/checkin/${token}`, CheckinResult, input, { redirectOn401: false }),
  });
}
