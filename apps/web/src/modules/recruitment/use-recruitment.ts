import {
  AddRecruitmentEntryRoute,
  AddRecruitmentMilestoneRoute,
  type BoardQuery,
  ConfirmRecruitmentLedgerImportRoute,
  CreateRecruitmentRecordRoute,
  GetMyRecruitmentWorkRoute,
  GetRecruitmentBoardRoute,
  GetRecruitmentPlanRoute,
  GetRecruitmentRecordRoute,
  type LedgerEntryInput,
  type LedgerImportResult,
  ListPlatformOptionsRoute,
  ListRecruitmentAssignableRoute,
  ListRecruitmentRecordsRoute,
  type MilestoneInput,
  MoveRecruitmentStageRoute,
  PatchRecruitmentRecordRoute,
  PreviewRecruitmentLedgerImportRoute,
  type Recruitment,
  type RecruitmentInput,
  type RecruitmentListQuery,
  type RecruitmentPatch,
  RefreshLightsRoute,
  type StageMoveInput,
  UpdateRecruitmentEntryRoute,
  UpdateRecruitmentMilestoneRoute,
  UpdateRecruitmentRecordRoute,
  UploadFileRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';
import { useImportJob } from '../../ui/import-job.tsx';

const KEY = 'recruitment';

export function useRecords(query: RecruitmentListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListRecruitmentRecordsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useBoard(query: BoardQuery) {
  return useQuery({
    queryKey: [KEY, 'board', query],
    queryFn: () => call(GetRecruitmentBoardRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetRecruitmentRecordRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useMyWork() {
  return useQuery({ queryKey: [KEY, 'my-work'], queryFn: () => call(GetMyRecruitmentWorkRoute, {}) });
}

export function usePlan(year: number) {
  return useQuery({
    queryKey: [KEY, 'plan', year],
    queryFn: () => call(GetRecruitmentPlanRoute, { params: { year } }),
  });
}

export function useAssignable() {
  return useQuery({
    queryKey: [KEY, 'assignable'],
    queryFn: () => call(ListRecruitmentAssignableRoute, {}),
    staleTime: 300_000,
  });
}

export function usePlatforms() {
  return useQuery({
    queryKey: ['platforms'],
    queryFn: () => call(ListPlatformOptionsRoute, {}),
    staleTime: 60_000,
  });
}

/** Every write answers the whole record: put it in the cache, refresh lists and boards. */
function useRecordMutation<V>(fn: (vars: V) => Promise<Recruitment>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ predicate: (q) => q.queryKey[0] === KEY && q.queryKey[1] !== 'one' });
    },
  });
}

/** Saves the form; an edit carries the version the form was opened from (ui/edit-version.tsx). */
export const useSaveRecord = (id: string | undefined, ifMatch?: string) =>
  useRecordMutation((input: RecruitmentInput) =>
    id
      ? call(UpdateRecruitmentRecordRoute, { params: { id }, body: input, ifMatch })
      : call(CreateRecruitmentRecordRoute, { body: input }),
  );

/** The board's drag to another grade or owner: only that field, merged into the record on the server. */
export const useReassignRecord = () =>
  useRecordMutation(({ id, change }: { id: string; change: RecruitmentPatch }) =>
    call(PatchRecruitmentRecordRoute, { params: { id }, body: change }),
  );

export const useMoveStage = () =>
  useRecordMutation(({ id, input }: { id: string; input: StageMoveInput }) =>
    call(MoveRecruitmentStageRoute, { params: { id }, body: input }),
  );

export const useAddEntry = () =>
  useRecordMutation(({ id, input }: { id: string; input: LedgerEntryInput }) =>
    call(AddRecruitmentEntryRoute, { params: { id }, body: input }),
  );

export const useUpdateEntry = () =>
  useRecordMutation(({ entryId, input }: { entryId: string; input: LedgerEntryInput }) =>
    call(UpdateRecruitmentEntryRoute, { params: { id: entryId }, body: input }),
  );

export const useAddMilestone = () =>
  useRecordMutation(({ id, input }: { id: string; input: MilestoneInput }) =>
    call(AddRecruitmentMilestoneRoute, { params: { id }, body: input }),
  );

export const useUpdateMilestone = () =>
  useRecordMutation(({ milestoneId, input }: { milestoneId: string; input: MilestoneInput }) =>
    call(UpdateRecruitmentMilestoneRoute, { params: { id: milestoneId }, body: input }),
  );

export function uploadAttachment(file: File) {
  const form = new FormData();
  form.append('file', file);
  return call(UploadFileRoute, { form });
}

export function useLedgerImport() {
  const client = useQueryClient();
  const preview = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return call(PreviewRecruitmentLedgerImportRoute, { form });
    },
  });
  const { job, follow } = useImportJob();
  const confirm = useMutation({
    mutationFn: async (token: string) =>
      follow<LedgerImportResult>(await call(ConfirmRecruitmentLedgerImportRoute, { body: { token } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
  return { preview, confirm, job };
}

export function useRefreshLights() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(RefreshLightsRoute, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
