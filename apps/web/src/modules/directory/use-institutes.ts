import {
  CreateInstituteRoute,
  DeleteInstituteRoute,
  GetInstituteRoute,
  type InstituteInput,
  type InstituteListQuery,
  ListInstitutesRoute,
  RestoreInstituteRoute,
  UpdateInstituteRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = 'institutes';

export type InstituteQuery = Omit<InstituteListQuery, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};

export function useInstitutes(query: InstituteQuery, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'list', query],
    queryFn: () => call(ListInstitutesRoute, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** All institutes of the region for a select (the API caps a page at 200). */
export function useInstituteOptions(enabled = true) {
  return useInstitutes({ page: 1, pageSize: 200, sort: 'name', order: 'asc' }, enabled);
}

export function useInstitute(id: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'one', id],
    queryFn: () => call(GetInstituteRoute, { params: { id: id as string } }),
    enabled: Boolean(id),
  });
}

/** Saves the form; an edit carries the version the form was opened from (ui/edit-version.tsx). */
export function useSaveInstitute(id: string | undefined, ifMatch?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InstituteInput) =>
      id
        ? call(UpdateInstituteRoute, { params: { id }, body: input, ifMatch })
        : call(CreateInstituteRoute, { body: input }),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}

export function useSetInstituteDeleted() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isDeleted }: { id: string; isDeleted: boolean }) =>
      isDeleted
        ? call(DeleteInstituteRoute, { params: { id } })
        : call(RestoreInstituteRoute, { params: { id } }),
    onSuccess: (saved) => {
      client.setQueryData([KEY, 'one', saved.id], saved);
      return client.invalidateQueries({ queryKey: [KEY, 'list'] });
    },
  });
}
