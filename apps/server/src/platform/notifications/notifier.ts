import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';

export type NotificationMessage = {
  regionCode: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
};

/**
 * Sends notifications as part of the caller's transaction, so a message exists exactly when the
 * change that caused it commits. The in-app inbox is the first channel; WeCom/DingTalk/SMS will
 * deliver from the inbox rows afterwards (they are the outbox), never from inside a transaction.
 */
export type Notifier = {
  send: (tx: Tx, messages: readonly NotificationMessage[], at: Date) => Promise<void>;
};

/** Messages per statement: each chunk travels as one JSON parameter (a lights run may send thousands). */
const CHUNK = 5000;

export const inboxNotifier: Notifier = {
  send: async (tx, messages, at) => {
    for (let i = 0; i < messages.length; i += CHUNK) {
      const rows = messages.slice(i, i + CHUNK).map((m) => ({
        region_code: m.regionCode,
        user_id: m.userId,
        kind: m.kind,
        title: m.title,
        body: m.body,
        link: m.link,
      }));
      await tx.execute(sql`INSERT INTO notifications (region_code, user_id, kind, title, body, link, created_at)
        SELECT x.region_code, x.user_id, x.kind, x.title, x.body, x.link, ${at.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS x(region_code text, user_id uuid, kind text, title text, body text, link text)`);
    }
  },
};
