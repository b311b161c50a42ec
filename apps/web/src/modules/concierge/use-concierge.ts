import {
  AddHandoffRoute,
  AddServiceNoteRoute,
  AnswerHandoffRoute,
  AssignServiceRequestRoute,
  CreateServiceRequestRoute,
  DecideTransferRoute,
  GetServiceRequestRoute,
  GetStationRoute,
  ListHelpersRoute,
  ListServiceRequestsRoute,
  MoveServiceRequestStageRoute,
  RateServiceRequestRoute,
  RequestTransferRoute,
  type ServiceRequestInput,
  type ServiceRequestListQuery,
  type ServiceRequestMoveInput,
  type StationInput,
  SubmitStationRequestRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'concierge';

export function useServiceRequests(query: ServiceRequestListQuery) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListServiceRequestsRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useServiceRequest(id: string) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetServiceRequestRoute, { params: { id } }),
  });
}

export function useHelpers(enabled: boolean) {
  return useQuery({ queryKey: [KEY, 'helpers'], queryFn: () => call(ListHelpersRoute, {}), enabled });
}

export function useCreateServiceRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceRequestInput) => call(CreateServiceRequestRoute, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Every write on one request; each answers the request, which replaces the cached one. */
export function useRequestActions(id: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: [KEY] });
  const params = { id };
  return {
    stage: useMutation({
      mutationFn: (body: ServiceRequestMoveInput) => call(MoveServiceRequestStageRoute, { params, body }),
      onSuccess: done,
    }),
    rate: useMutation({
      mutationFn: (body: { rating: number; comment: string }) =>
        call(RateServiceRequestRoute, { params, body }),
      onSuccess: done,
    }),
    assign: useMutation({
      mutationFn: (helperId: string) => call(AssignServiceRequestRoute, { params, body: { helperId } }),
      onSuccess: done,
    }),
    note: useMutation({
      mutationFn: (text: string) => call(AddServiceNoteRoute, { params, body: { text } }),
      onSuccess: done,
    }),
    transfer: useMutation({
      mutationFn: (body: { toHelperId: string; reason: string }) =>
        call(RequestTransferRoute, { params, body }),
      onSuccess: done,
    }),
    handoff: useMutation({
      mutationFn: (body: { department: string; sentOn: string; question: string }) =>
        call(AddHandoffRoute, { params, body }),
      onSuccess: done,
    }),
    answer: useMutation({
      mutationFn: (v: { handoffId: string; answer: string; answeredOn: string }) =>
        call(AnswerHandoffRoute, {
          params: { id, handoffId: v.handoffId },
          body: { answer: v.answer, answeredOn: v.answeredOn },
        }),
      onSuccess: done,
    }),
    decide: useMutation({
      mutationFn: (v: { transferId: string; decision: 'approved' | 'refused'; note: string }) =>
        call(DecideTransferRoute, {
          params: { id, transferId: v.transferId },
          body: { decision: v.decision, note: v.note },
        }),
      onSuccess: done,
    }),
  };
}

export function useStation(regionCode: string) {
  return useQuery({
    queryKey: ['station', regionCode],
    queryFn: () => call(GetStationRoute, { params: { regionCode } }),
    staleTime: 0,
  });
}

export function useSubmitStation(regionCode: string) {
  return useMutation({
    mutationFn: (body: StationInput) => call(SubmitStationRequestRoute, { params: { regionCode }, body }),
  });
}
