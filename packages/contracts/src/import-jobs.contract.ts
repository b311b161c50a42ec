import { z } from 'zod';
import { IdParams } from './common.contract.ts';
import { defineRoute } from './route.ts';

/**
 * A confirmed import runs in the background: the confirm answers at once with its job, the web
 * polls GetImportJobRoute for progress until it is done (all rows written) or failed (none).
 */
export const ImportJob = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** Rows written so far, of `total` (in the job's transaction: none is kept unless all are). */
  done: z.number().int(),
  total: z.number().int(),
  /** The import's figures when done: created, updated… (per kind). */
  result: z.record(z.string(), z.number()).nullable(),
  /** Why it failed; nothing was written. */
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const GetImportJobRoute = defineRoute({
  method: 'GET',
  path: '/api/import-jobs/:id',
  summary: '导入任务进度与结果（仅发起人）',
  tags: ['system'],
  access: 'signed-in',
  params: IdParams,
  response: ImportJob,
});
