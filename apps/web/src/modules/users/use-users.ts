import {
  type AccountRequest,
  ApproveAccountRequestRoute,
  CreateUserRoute,
  EditUserRoute,
  ListAccountRequestsRoute,
  ListUsersRoute,
  RejectAccountRequestRoute,
  ResetUserMfaRoute,
  ResetUserPasswordRoute,
  SetUserStateRoute,
  type UserCreateInput,
  type UserEditInput,
  type UserUpdateInput,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEY = ['users'];
const REQUESTS_KEY = ['users', 'requests'];

/** A change applied at once, or one waiting for a second administrator (202 with the request). */
export type Outcome<T> = ({ status: 'done' } & T) | { status: 'pending'; request: AccountRequest };

const isRequest = (r: unknown): r is AccountRequest =>
  typeof r === 'object' && r !== null && 'status' in r && 'approverRole' in r;

function outcome<T extends object>(r: T | AccountRequest): Outcome<T> {
  return isRequest(r) ? { status: 'pending', request: r } : { status: 'done', ...(r as T) };
}

export function useUsers() {
  return useQuery({ queryKey: KEY, queryFn: () => call(ListUsersRoute, {}) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useCreateUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async (input: UserCreateInput) => outcome(await call(CreateUserRoute, { body: input })),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: UserUpdateInput }) =>
      outcome(await call(SetUserStateRoute, { params: { id }, body: patch })),
    onSuccess,
  });
}

export function useEditUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, edit }: { id: string; edit: UserEditInput }) =>
      outcome(await call(EditUserRoute, { params: { id }, body: edit })),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => outcome(await call(ResetUserPasswordRoute, { params: { id } })),
    onSuccess,
  });
}

/** 重置两步验证 (security admin): the user sets it up again at next sign-in. */
export function useResetMfa() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(ResetUserMfaRoute, { params: { id } }),
    onSuccess,
  });
}

export function useAccountRequests(enabled: boolean) {
  return useQuery({
    queryKey: REQUESTS_KEY,
    queryFn: () => call(ListAccountRequestsRoute, {}),
    enabled,
  });
}

export function useDecideRequest() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      call(approve ? ApproveAccountRequestRoute : RejectAccountRequestRoute, { params: { id } }),
    onSuccess,
  });
}
