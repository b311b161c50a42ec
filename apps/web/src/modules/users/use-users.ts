import {
  AccountRequest,
  AccountRequestDecision,
  PasswordResetResult,
  type UserCreateInput,
  type UserEditInput,
  UserSummary,
  type UserUpdateInput,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../ui/api.ts';

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
  return useQuery({ queryKey: KEY, queryFn: () => api.get('/api/users', UserSummary.array()) });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function useCreateUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async (input: UserCreateInput) =>
      outcome(await api.post('/api/users', z.union([UserSummary, AccountRequest]), input)),
    onSuccess,
  });
}

export function useUpdateUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: string; patch: UserUpdateInput }) =>
      outcome(await api.patch(`/api/users/${id}`, z.union([UserSummary, AccountRequest]), patch)),
    onSuccess,
  });
}

export function useEditUser() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, edit }: { id: string; edit: UserEditInput }) =>
      outcome(await api.put(`/api/users/${id}`, z.union([UserSummary, AccountRequest]), edit)),
    onSuccess,
  });
}

export function useResetPassword() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) =>
      outcome(
        await api.post(`/api/users/${id}/password-reset`, z.union([PasswordResetResult, AccountRequest]), {}),
      ),
    onSuccess,
  });
}

export function useAccountRequests(enabled: boolean) {
  return useQuery({
    queryKey: REQUESTS_KEY,
    queryFn: () => api.get('/api/account-requests', AccountRequest.array()),
    enabled,
  });
}

export function useDecideRequest() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) =>
      api.post(`/api/account-requests/${id}/${approve ? 'approve' : 'reject'}`, AccountRequestDecision, {}),
    onSuccess,
  });
}
