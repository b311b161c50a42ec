import { z } from 'zod';
import { defineRoute } from './route.ts';

/** The hash-chained audit log: verification and daily anchors (platform/audit). */

/** One region's chain at one place: what an exported anchor asserts. */
export const AuditAnchor = z.object({
  regionCode: z.string().max(12),
  chainSeq: z.number().int().min(1),
  rowHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;

/** A day's anchors: each region's last hash at the end of the day (China time), to keep elsewhere. */
export const AuditAnchors = z.object({
  date: z.iso.date(),
  exportedAt: z.string(),
  anchors: z.array(AuditAnchor).max(10_000),
  /** SHA-256 of the anchors' JSON: one line to note down or sign. */
  digest: z.string(),
});
export type AuditAnchors = z.infer<typeof AuditAnchors>;

export const AuditChainProblem = z.object({
  regionCode: z.string(),
  /** changed: a row's content no longer matches its hash; deleted: rows missing; inserted: a row
   * outside the chain or a broken link; anchor: an exported anchor no longer matches (rewritten). */
  kind: z.enum(['changed', 'deleted', 'inserted', 'anchor']),
  chainSeq: z.number().nullable(),
  id: z.number().nullable(),
  detail: z.string(),
});
export type AuditChainProblem = z.infer<typeof AuditChainProblem>;

export const AuditChainReport = z.object({
  checkedAt: z.string(),
  ok: z.boolean(),
  regions: z.array(
    z.object({ regionCode: z.string(), rows: z.number(), lastSeq: z.number(), ok: z.boolean() }),
  ),
  problems: z.array(AuditChainProblem),
});
export type AuditChainReport = z.infer<typeof AuditChainReport>;

export const VerifyAuditInput = z.object({ anchors: z.array(AuditAnchor).max(10_000).default([]) });
export type VerifyAuditInput = z.input<typeof VerifyAuditInput>;

export const AuditAnchorsQuery = z.object({ date: z.iso.date() });

export const VerifyAuditRoute = defineRoute({
  method: 'POST',
  path: '/api/audit/verify',
  summary: '校验审计日志哈希链（可附已导出的锚点）',
  tags: ['audit'],
  access: { resource: 'audit', action: 'read' },
  body: VerifyAuditInput,
  response: AuditChainReport,
});
export const AuditAnchorsRoute = defineRoute({
  method: 'GET',
  path: '/api/audit/anchors',
  summary: '导出某日的审计锚点（各区域当日最后一条的哈希）',
  tags: ['audit'],
  access: { resource: 'audit', action: 'read' },
  query: AuditAnchorsQuery,
  response: AuditAnchors,
});
