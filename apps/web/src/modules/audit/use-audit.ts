import {
  AuditAnchorsRoute,
  type AuditQuery,
  ExportAuditRoute,
  ListAuditRoute,
  VerifyAuditRoute,
} from '@gaodi/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call, downloadRoute } from '../../ui/api.ts';

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => call(ListAuditRoute, { query }),
    placeholderData: keepPreviousData,
  });
}

/** 校验完整性: recomputes the hash chains of the regions the audit admin sees. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => call(VerifyAuditRoute, { body: { anchors: [] } }) });
}

/** 导出锚点: today's last hash per region, saved as a JSON file to keep outside the system. */
export async function downloadAnchors(date: string) {
  const anchors = await call(AuditAnchorsRoute, { query: { date } });
  const url = URL.createObjectURL(new Blob([JSON.stringify(anchors, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `audit-anchors-${date}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

/** 导出 Excel: the log with the page's filters (up to 10,000 rows), as .xlsx. */
export function downloadAuditXlsx({ page: _page, pageSize: _size, ...filters }: AuditQuery) {
  return downloadRoute(ExportAuditRoute, { query: filters }, 'audit-log.xlsx');
}
