import { AuditEntry, type AuditQuery, pageOf } from '@gaodi/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../ui/api.ts';

const AuditPage = pageOf(AuditEntry);

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get('/api/audit', AuditPage, query),
    placeholderData: keepPreviousData,
  });
}
