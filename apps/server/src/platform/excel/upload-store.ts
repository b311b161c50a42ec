import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';

/**
 * Keeps a checked import between preview and confirmation (nothing is written before the user
 * confirms). Tokens are bound to the user who uploaded and expire after 30 minutes.
 */
export type UploadStore = {
  put: <T>(userId: string, kind: string, payload: T) => string;
  take: <T>(userId: string, kind: string, token: string) => T | null;
  /** Like take, but the entry stays (a download that may be repeated). */
  peek: <T>(userId: string, kind: string, token: string) => T | null;
};

const TTL_MS = 30 * 60_000;

export function createUploadStore({ clock }: { clock: Clock }): UploadStore {
  const entries = new Map<string, { userId: string; kind: string; payload: unknown; expires: number }>();
  const sweep = () => {
    const now = clock.now().getTime();
    for (const [k, v] of entries) if (v.expires < now) entries.delete(k);
  };
  return {
    put(userId, kind, payload) {
      sweep();
      const token = randomBytes(18).toString('base64url');
      entries.set(token, { userId, kind, payload, expires: clock.now().getTime() + TTL_MS });
      return token;
    },
    take<T>(userId: string, kind: string, token: string) {
      sweep();
      const e = entries.get(token);
      if (!e || e.userId !== userId || e.kind !== kind) return null;
      entries.delete(token);
      return e.payload as T;
    },
    peek<T>(userId: string, kind: string, token: string) {
      sweep();
      const e = entries.get(token);
      return e && e.userId === userId && e.kind === kind ? (e.payload as T) : null;
    },
  };
}
