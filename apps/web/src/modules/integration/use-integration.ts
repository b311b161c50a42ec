import {
  type ApiKeyCreateInput,
  ApiKeyPermissionsRoute,
  CreateApiKeyRoute,
  CreateWebhookRoute,
  DeleteWebhookRoute,
  GetWebhookAllowListRoute,
  ListApiKeysRoute,
  ListWebhookDeliveriesRoute,
  ListWebhooksRoute,
  RedeliverWebhookRoute,
  RevokeApiKeyRoute,
  SaveWebhookAllowListRoute,
  type WebhookCreateInput,
} from '@gaodi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

const KEYS = ['api-keys'];
const HOOKS = ['webhooks'];

export const useApiKeys = () => useQuery({ queryKey: KEYS, queryFn: () => call(ListApiKeysRoute, {}) });
export const useKeyPermissions = () =>
  useQuery({ queryKey: [...KEYS, 'permissions'], queryFn: () => call(ApiKeyPermissionsRoute, {}) });
export const useWebhooks = () => useQuery({ queryKey: HOOKS, queryFn: () => call(ListWebhooksRoute, {}) });
export const useAllowList = () =>
  useQuery({ queryKey: [...HOOKS, 'allow'], queryFn: () => call(GetWebhookAllowListRoute, {}) });
export const useDeliveries = (id: string | null) =>
  useQuery({
    queryKey: [...HOOKS, id, 'deliveries'],
    queryFn: () => call(ListWebhookDeliveriesRoute, { params: { id: id ?? '' } }),
    enabled: id !== null,
  });

function useInvalidate(key: string[]) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}

export function useKeyActions() {
  const onSuccess = useInvalidate(KEYS);
  return {
    create: useMutation({
      mutationFn: (body: ApiKeyCreateInput) => call(CreateApiKeyRoute, { body }),
      onSuccess,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => call(RevokeApiKeyRoute, { params: { id } }),
      onSuccess,
    }),
  };
}

export function useWebhookActions() {
  const onSuccess = useInvalidate(HOOKS);
  return {
    create: useMutation({
      mutationFn: (body: WebhookCreateInput) => call(CreateWebhookRoute, { body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => call(DeleteWebhookRoute, { params: { id } }),
      onSuccess,
    }),
    redeliver: useMutation({
      mutationFn: (id: string) => call(RedeliverWebhookRoute, { params: { id } }),
      onSuccess,
    }),
    saveAllowList: useMutation({
      mutationFn: (hosts: string[]) => call(SaveWebhookAllowListRoute, { body: { hosts } }),
      onSuccess,
    }),
  };
}
