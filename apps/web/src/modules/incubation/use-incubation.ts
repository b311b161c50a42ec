import {
  AddOccupancyRoute,
  AddVisitRoute,
  type CarrierInput,
  type CarrierListQuery,
  ConfirmIncubateeImportRoute,
  ConfirmReportImportRoute,
  CreateCarrierRoute,
  CreateIncubateeRoute,
  GetCarrierRoute,
  GetIncubateeRoute,
  type IncubateeInput,
  type IncubateeListQuery,
  type IncubateeStageInput,
  ListCarriersRoute,
  ListIncubateesRoute,
  MoveIncubateeRoute,
  type OccupancyInput,
  PreviewIncubateeImportRoute,
  PreviewReportImportRoute,
  RegisterIncubateeRoute,
  type RegistrationInput,
  type ReportInput,
  SaveReportRoute,
  type VisitInput,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { call } from '../../ui/api.ts';

const KEY = 'incubation';
type In<T extends z.ZodType> = z.input<T>;

export function useCarriers(query: In<typeof CarrierListQuery>) {
  return useQuery({
    queryKey: [KEY, 'carriers', query],
    queryFn: () => call(ListCarriersRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useCarrier(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'carrier', id],
    queryFn: () => call(GetCarrierRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useIncubatees(query: In<typeof IncubateeListQuery>) {
  return useQuery({
    queryKey: [KEY, 'incubatees', query],
    queryFn: () => call(ListIncubateesRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useIncubatee(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'incubatee', id],
    queryFn: () => call(GetIncubateeRoute, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** Every write refreshes the module's lists and pages (figures, carriers' occupancy, chain). */
function useWrite<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

export const useCreateCarrier = () =>
  useWrite((body: In<typeof CarrierInput>) => call(CreateCarrierRoute, { body }));
export const useAddOccupancy = (id: string) =>
  useWrite((body: In<typeof OccupancyInput>) => call(AddOccupancyRoute, { params: { id }, body }));
export const useCreateIncubatee = () =>
  useWrite((body: In<typeof IncubateeInput>) => call(CreateIncubateeRoute, { body }));

/** The writes on one incubatee: move (enter, graduate, exit), register, visit, report. */
export function useIncubateeActions(id: string) {
  const params = { id };
  return {
    move: useWrite((body: In<typeof IncubateeStageInput>) => call(MoveIncubateeRoute, { params, body })),
    register: useWrite((body: In<typeof RegistrationInput>) =>
      call(RegisterIncubateeRoute, { params, body }),
    ),
    visit: useWrite((body: In<typeof VisitInput>) => call(AddVisitRoute, { params, body })),
    report: useWrite((body: In<typeof ReportInput>) => call(SaveReportRoute, { params, body })),
  };
}

const formOf = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return form;
};

/** The two Excel imports: preview a file, then confirm its token. */
export function useIncubationImport(kind: 'ledger' | 'reports') {
  return {
    preview: useMutation({
      mutationFn: (file: File) =>
        call(kind === 'ledger' ? PreviewIncubateeImportRoute : PreviewReportImportRoute, {
          form: formOf(file),
        }),
    }),
    confirm: useWrite((token: string) =>
      call(kind === 'ledger' ? ConfirmIncubateeImportRoute : ConfirmReportImportRoute, { body: { token } }),
    ),
  };
}
