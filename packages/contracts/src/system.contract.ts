import { z } from 'zod';
import { AuditEntry, AuditQuery, Region } from './auth.contract.ts';
import { IdParams, pageOf } from './common.contract.ts';
import { Attachment } from './recruitment.contract.ts';
import { defineRoute } from './route.ts';

/** Platform-level routes: health, regions, the audit log, attachments. */

export const Health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.number(),
});
export type Health = z.infer<typeof Health>;

export const HealthRoute = defineRoute({
  method: 'GET',
  path: '/api/health',
  summary: '健康检查',
  tags: ['system'],
  access: 'public',
  response: Health,
});
export const ListRegionsRoute = defineRoute({
  method: 'GET',
  path: '/api/regions',
  summary: '可见区域',
  tags: ['auth'],
  access: 'signed-in',
  response: z.array(Region),
});
export const AuditLogPage = pageOf(AuditEntry);
export type AuditLogPage = z.infer<typeof AuditLogPage>;
export const ListAuditRoute = defineRoute({
  method: 'GET',
  path: '/api/audit',
  summary: '审计日志',
  tags: ['audit'],
  access: { resource: 'audit', action: 'read' },
  query: AuditQuery,
  response: AuditLogPage,
});
export const ExportAuditRoute = defineRoute({
  method: 'GET',
  path: '/api/audit/export.xlsx',
  summary: '导出审计日志（.xlsx，按当前筛选，最多 10000 行）',
  tags: ['audit'],
  access: { resource: 'audit', action: 'export' },
  query: AuditQuery.omit({ page: true, pageSize: true }),
  kind: 'file',
});
export const UploadFileRoute = defineRoute({
  method: 'POST',
  path: '/api/files',
  summary: '上传附件（PDF、图片、Office 文档，≤ 20 MB，按内容识别类型）',
  tags: ['files'],
  access: { resource: 'file', action: 'create' },
  kind: 'upload',
  response: Attachment,
});
export const DownloadFileRoute = defineRoute({
  method: 'GET',
  path: '/api/files/:id',
  summary: '下载附件',
  tags: ['files'],
  access: { resource: 'file', action: 'read' },
  kind: 'file',
  params: IdParams,
});
export const ImportProblemsRoute = defineRoute({
  method: 'GET',
  path: '/api/imports/problems/:file',
  summary: '下载导入预览的完整问题清单（.xlsx）',
  tags: ['imports'],
  access: 'signed-in',
  kind: 'file',
  params: z.object({ file: z.string().regex(/^[\w-]{10,60}\.xlsx$/) }),
});
