import type { Tx } from '../db/database.ts';
import { notifications } from './notifications.table.ts';

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

export const inboxNotifier: Notifier = {
  send: async (tx, messages, at) => {
    if (messages.length === 0) return;
    await tx.insert(notifications).values(messages.map((m) => ({ ...m, createdAt: at })));
  },
};
