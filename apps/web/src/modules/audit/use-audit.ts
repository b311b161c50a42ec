import { type AuditQuery, ListAuditRoute } from '@gaodi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../ui/api.ts';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => call(ListAuditRoute, { query }),
    placeholderData: keepPreviousData,
  });
}
