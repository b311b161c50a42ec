import {
  Assignable,
  Attachment,
  type LedgerEntryInput,
  LedgerImportPreview,
  LedgerImportResult,
  type MilestoneInput,
  MyWork,
  Platform,
  Recruitment,
  RecruitmentBoard,
  type RecruitmentInput,
  type RecruitmentListQuery,
  RecruitmentPage,
  type RecruitmentPatch,
  RecruitmentPlan,
  type StageMoveInput,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, type Query } from '../../ui/api.ts';

const KEY = 'recruitment';

export function useRecords(query: RecruitmentListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => api.get('/api/recruitment/records', RecruitmentPage, query as Query),
    placeholderData: keepPreviousData,
  });
}

export function useBoard(query: Query) {
  return useQuery({
    queryKey: [KEY, 'board', query],
    queryFn: () => api.get('/api/recruitment/board', RecruitmentBoard, query),
    placeholderData: keepPreviousData,
  });
}

export function useRecord(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => api.get(`/api/recruitment/records/${id}`, Recruitment),
    enabled: Boolean(id),
  });
}

export function useMyWork() {
  return useQuery({ queryKey: [KEY, 'my-work'], queryFn: () => api.get('/api/recruitment/my-work', MyWork) });
}

export function usePlan(year: number) {
  return useQuery({
    queryKey: [KEY, 'plan', year],
    queryFn: () => api.get(`/api/recruitment/plans/${year}`, RecruitmentPlan),
  });
}

export function useAssignable() {
  return useQuery({
    queryKey: [KEY, 'assignable'],
    queryFn: () => api.get('/api/recruitment/assignable', Assignable),
    staleTime: 300_000,
  });
}

export function usePlatforms() {
  return useQuery({
    queryKey: ['platforms'],
    queryFn: () => api.get('/api/platforms', z.array(Platform)),
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

export const useSaveRecord = (id: string | undefined) =>
  useRecordMutation((input: RecruitmentInput) =>
    id
      ? api.put(`/api/recruitment/records/${id}`, Recruitment, input)
      : api.post('/api/recruitment/records', Recruitment, input),
  );

/**
 * The board's drag to another grade or owner: the record's edit (PUT) with that one field changed,
 * the rest as the server has it now (read just before, so the form's other fields are not reverted).
 */
export const useReassignRecord = () =>
  useRecordMutation(({ id, change }: { id: string; change: RecruitmentPatch }) =>
    api.patch(`/api/recruitment/records/${id}`, Recruitment, change),
  );

export const useMoveStage = () =>
  useRecordMutation(({ id, input }: { id: string; input: StageMoveInput }) =>
    api.post(`/api/recruitment/records/${id}/stage`, Recruitment, input),
  );

export const useAddEntry = () =>
  useRecordMutation(({ id, input }: { id: string; input: LedgerEntryInput }) =>
    api.post(`/api/recruitment/records/${id}/entries`, Recruitment, input),
  );

export const useUpdateEntry = () =>
  useRecordMutation(({ entryId, input }: { entryId: string; input: LedgerEntryInput }) =>
    api.put(`/api/recruitment/entries/${entryId}`, Recruitment, input),
  );

export const useAddMilestone = () =>
  useRecordMutation(({ id, input }: { id: string; input: MilestoneInput }) =>
    api.post(`/api/recruitment/records/${id}/milestones`, Recruitment, input),
  );

export const useUpdateMilestone = () =>
  useRecordMutation(({ milestoneId, input }: { milestoneId: string; input: MilestoneInput }) =>
    api.put(`/api/recruitment/milestones/${milestoneId}`, Recruitment, input),
  );

export function uploadAttachment(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload('/api/files', Attachment, form);
}

export function useLedgerImport() {
  const client = useQueryClient();
  const preview = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload('/api/recruitment/ledger/import', LedgerImportPreview, form);
    },
  });
  const confirm = useMutation({
    mutationFn: (token: string) =>
      api.post('/api/recruitment/ledger/import/confirm', LedgerImportResult, { token }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
  return { preview, confirm };
}

export function useRefreshLights() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/supervision/refresh', z.object({ items: z.number() })),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}
