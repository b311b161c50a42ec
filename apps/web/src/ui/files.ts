import { DownloadFileRoute, pathOf } from '@gaodi/contracts';

/** The link that downloads a stored attachment (GET /api/files/:id, from its route contract). */
export function fileHref(id: string): string {
  return pathOf(DownloadFileRoute.path, { id });
}
