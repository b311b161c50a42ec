import {
  AddAgendaItemRoute,
  AddDecisionRoute,
  type AgendaItemInput,
  CreateMeetingRoute,
  type DecisionInput,
  type DecisionMoveInput,
  ExportDecisionLedgerRoute,
  ExportMinutesRoute,
  GetMeetingRoute,
  ListChairsRoute,
  ListDecisionsRoute,
  ListMeetingsRoute,
  MarkMeetingHeldRoute,
  type MeetingInput,
  MoveDecisionStageRoute,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';

const KEY = 'roundtable';

export function useMeetings() {
  return useQuery({ queryKey: [KEY, 'meetings'], queryFn: () => call(ListMeetingsRoute, {}) });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: [KEY, 'meeting', id],
    queryFn: () => call(GetMeetingRoute, { params: { id } }),
  });
}

export function useDecisions(view: 'open' | 'overdue' | 'mine' | 'all') {
  return useQuery({
    queryKey: [KEY, 'decisions', view],
    queryFn: () => call(ListDecisionsRoute, { query: { view } }),
  });
}

/** Leaders who may chair, and the people who may own a decision. */
export function usePeople() {
  return useQuery({ queryKey: [KEY, 'people'], queryFn: () => call(ListChairsRoute, {}), staleTime: 60_000 });
}

export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => call(CreateMeetingRoute, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** The writes on one meeting page; each answers the meeting, and the lists are refreshed. */
export function useMeetingActions(id: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: [KEY] });
  const params = { id };
  return {
    held: useMutation({ mutationFn: () => call(MarkMeetingHeldRoute, { params }), onSuccess: done }),
    addItem: useMutation({
      mutationFn: (body: AgendaItemInput) => call(AddAgendaItemRoute, { params, body }),
      onSuccess: done,
    }),
    addDecision: useMutation({
      mutationFn: (v: { itemId: string; body: DecisionInput }) =>
        call(AddDecisionRoute, { params: { id, itemId: v.itemId }, body: v.body }),
      onSuccess: done,
    }),
  };
}

export function useMoveDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: DecisionMoveInput }) =>
      call(MoveDecisionStageRoute, { params: { id: v.id }, body: v.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const downloadMinutes = (id: string) =>
  downloadRoute(ExportMinutesRoute, { params: { id } }, 'minutes.docx');
export const downloadDecisionLedger = () => downloadRoute(ExportDecisionLedgerRoute, {}, 'ledger.xlsx');
