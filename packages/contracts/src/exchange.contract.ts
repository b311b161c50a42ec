import { z } from 'zod';
import type { Resource } from './permissions.ts';
import { defineRoute } from './route.ts';

/**
 * The exchange feed (issue 16): what changed in the caller's regions since a cursor, for a city's
 * or province's system to stay in sync. Each kind of record is read only with its resource's read
 * permission (a key's or a role's).
 */
export const FEED_ENTITIES = {
  enterprise: 'enterprise',
  institute: 'institute',
  recruitment: 'recruitment',
  need: 'need',
  achievement: 'achievement',
  project: 'project',
  platform: 'platform',
  event: 'event',
  indicator_snapshot: 'indicator',
  light: 'supervision',
} as const satisfies Record<string, Resource>;
export type FeedEntity = keyof typeof FEED_ENTITIES;

/** `<txid>.<id>`: the position after the last change read; omit to start from the beginning. */
export const FeedCursor = z.string().regex(/^\d{1,19}\.\d{1,19}$/, { message: '游标无效' });

export const ChangeFeedQuery = z.object({
  after: FeedCursor.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type ChangeFeedQuery = z.infer<typeof ChangeFeedQuery>;

export const FeedChange = z.object({
  cursor: z.string(),
  entity: z.string(),
  id: z.string(),
  op: z.enum(['insert', 'update', 'delete']),
  regionCode: z.string(),
  at: z.string(),
  changed: z.array(z.string()).nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type FeedChange = z.infer<typeof FeedChange>;

export const ChangeFeedPage = z.object({
  items: z.array(FeedChange),
  /** Pass as `after` next time; equal to the request's when nothing new is readable yet. */
  next: z.string().nullable(),
  /** More changes are readable now (the page was full). */
  hasMore: z.boolean(),
});
export type ChangeFeedPage = z.infer<typeof ChangeFeedPage>;

export const ChangeFeedRoute = defineRoute({
  method: 'GET',
  path: '/api/exchange/changes',
  summary: '数据交换：某游标之后本区域及下级区域的变更（按提交安全的顺序分页）',
  tags: ['integration'],
  access: { resource: 'exchange', action: 'read' },
  query: ChangeFeedQuery,
  response: ChangeFeedPage,
});
