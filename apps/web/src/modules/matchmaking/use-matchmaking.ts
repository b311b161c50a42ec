import {
  type AchievementInput,
  type AchievementListQuery,
  type CheckinInput,
  CheckinRoute,
  ConfirmAchievementImportRoute,
  CreateAchievementRoute,
  CreateEventRoute,
  CreateNeedRoute,
  CreatePairingRoute,
  DeleteAchievementRoute,
  type EventInput,
  type EventListQuery,
  ExportEventReportRoute,
  GetAchievementNeedRecommendationsRoute,
  GetCheckinRoute,
  GetEventRoute,
  GetInstituteNeedRecommendationsRoute,
  GetMatchmakingSummaryRoute,
  GetNeedRecommendationsRoute,
  GetNeedRoute,
  GetRejectionReportRoute,
  ImportAchievementsJsonlRoute,
  type ImportResult,
  ListAchievementsRoute,
  ListEventsRoute,
  ListNeedsRoute,
  ListPairingsRoute,
  MoveNeedStageRoute,
  type NeedInput,
  type NeedListQuery,
  type NeedStageInput,
  type PairingInput,
  type PairingUpdateInput,
  PreviewAchievementImportRoute,
  type RecommendationQuery,
  type RejectInput,
  RejectRecommendationRoute,
  SetAttendanceRoute,
  UpdateAchievementRoute,
  UpdateEventRoute,
  UpdateNeedRoute,
  UpdatePairingRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';
import { useImportJob } from '../../ui/import-job.tsx';

const KEY = 'matchmaking';

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

export function useNeeds(query: NeedListQuery) {
  return useQuery({
    queryKey: [KEY, 'needs', query],
    queryFn: () => call(ListNeedsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'need', id],
    queryFn: () => call(GetNeedRoute, { params: { id: id as string } }),
    enabled: Boolean(id),
  });
}

export function useRecommendations(id: string | undefined, query: RecommendationQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'recommendations', id, query],
    queryFn: () => call(GetNeedRecommendationsRoute, { params: { id: id as string }, query }),
    enabled: Boolean(id) && enabled,
    placeholderData: keepPreviousData,
  });
}

/** Published needs an institute's achievements and experts could answer. */
export function useInstituteNeeds(instituteId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'institute-needs', instituteId],
    queryFn: () => call(GetInstituteNeedRecommendationsRoute, { params: { id: instituteId as string } }),
    enabled: Boolean(instituteId),
  });
}

/** Open needs one achievement could answer. */
export function useAchievementNeeds(achievementId: string) {
  return useQuery({
    queryKey: [KEY, 'achievement-needs', achievementId],
    queryFn: () => call(GetAchievementNeedRecommendationsRoute, { params: { id: achievementId } }),
  });
}

export function usePairings(query: { needId?: string; eventId?: string }) {
  return useQuery({
    queryKey: [KEY, 'pairings', query],
    queryFn: () => call(ListPairingsRoute, { query }),
  });
}

export function useRejectionReport(enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'rejections'],
    queryFn: () => call(GetRejectionReportRoute, {}),
    enabled,
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [KEY] });
}

/** Saves the form; an edit carries the version the form was opened from (ui/edit-version.tsx). */
export function useSaveNeed(id?: string, ifMatch?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NeedInput) =>
      id
        ? call(UpdateNeedRoute, { params: { id }, body: input, ifMatch })
        : call(CreateNeedRoute, { body: input }),
    onSuccess: invalidate,
  });
}

export function useMoveNeed(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: NeedStageInput) => call(MoveNeedStageRoute, { params: { id }, body: input }),
    onSuccess: invalidate,
  });
}

export function useCreatePairing() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: PairingInput) => call(CreatePairingRoute, { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdatePairing() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...input }: PairingUpdateInput & { id: string }) =>
      call(UpdatePairingRoute, { params: { id }, body: input }),
    onSuccess: invalidate,
  });
}

export function useReject(needId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: RejectInput) =>
      call(RejectRecommendationRoute, { params: { id: needId }, body: input }),
    onSuccess: invalidate,
  });
}

export function useAchievements(query: AchievementListQuery) {
  return useQuery({
    queryKey: [KEY, 'achievements', query],
    queryFn: () => call(ListAchievementsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveAchievement(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: AchievementInput) =>
      id
        ? call(UpdateAchievementRoute, { params: { id }, body: input })
        : call(CreateAchievementRoute, { body: input }),
    onSuccess: invalidate,
  });
}

export function useDeleteAchievement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(DeleteAchievementRoute, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useAchievementImport() {
  const invalidate = useInvalidate();
  const { job, follow } = useImportJob();
  return {
    job,
    preview: useMutation({
      mutationFn: (file: File) => call(PreviewAchievementImportRoute, { form: formOf(file) }),
    }),
    confirm: useMutation({
      mutationFn: async (token: string) =>
        follow<ImportResult>(await call(ConfirmAchievementImportRoute, { body: { token } })),
      onSuccess: invalidate,
    }),
    jsonl: useMutation({
      mutationFn: (file: File) => call(ImportAchievementsJsonlRoute, { form: formOf(file) }),
      onSuccess: invalidate,
    }),
  };
}

export function useEvents(query: EventListQuery) {
  return useQuery({
    queryKey: [KEY, 'events', query],
    queryFn: () => call(ListEventsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'event', id],
    queryFn: () => call(GetEventRoute, { params: { id: id as string } }),
    enabled: Boolean(id),
  });
}

/** The year's matchmaking figures (computed from records). */
export function useSummary(year: number, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'summary', year],
    queryFn: () => call(GetMatchmakingSummaryRoute, { query: { year } }),
    enabled,
  });
}

export function useSaveEvent(id?: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: EventInput) =>
      id ? call(UpdateEventRoute, { params: { id }, body: input }) : call(CreateEventRoute, { body: input }),
    onSuccess: invalidate,
  });
}

export function useAttendance(eventId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ participantId, attended }: { participantId: string; attended: boolean }) =>
      call(SetAttendanceRoute, { params: { id: eventId, participantId }, body: { attended } }),
    onSuccess: invalidate,
  });
}

export const downloadEventReport = (id: string) =>
  downloadRoute(ExportEventReportRoute, { params: { id } }, 'event-report.docx');

export function useCheckinInfo(token: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'checkin', token],
    queryFn: () => call(GetCheckinRoute, { params: { token: token as string } }),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useCheckin(token: string) {
  return useMutation({
    mutationFn: (input: CheckinInput) =>
      call(CheckinRoute, { params: { token }, body: input, redirectOn401: false }),
  });
}
