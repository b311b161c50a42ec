import { sql } from 'drizzle-orm';
import type { DataBox } from '../../crypto/data-box.ts';
import { type Database, rowsOf } from '../../db/database.ts';

/** A region's endpoint for one channel: its plain settings and its decrypted secret fields. */
export type ChannelConfig = {
  settings: Record<string, unknown>;
  secret: Record<string, string>;
  updatedAt: string;
};

export type ChannelConfigs = {
  get: (regionCode: string, channel: string) => Promise<ChannelConfig | null>;
  /** Drops this process's cached copy after a change (other processes see it within the TTL). */
  forget: (regionCode: string, channel: string) => void;
};

/** Where a channel's secret envelope belongs: a copy in another region's or channel's row does not decrypt. */
export const secretPlace = (regionCode: string, channel: string) =>
  `notification_channels.secret:${regionCode}:${channel}`;

/**
 * Reads the endpoints on the owner connection (deliveries run for every region), decrypting
 * secrets in memory only; cached a few seconds so a batch reads each region's row once.
 */
export function createChannelConfigs({
  db,
  box,
  ttlMs = 5_000,
}: {
  db: Database;
  box: DataBox;
  ttlMs?: number;
}): ChannelConfigs {
  const cache = new Map<string, { at: number; value: Promise<ChannelConfig | null> }>();
  const load = async (regionCode: string, channel: string): Promise<ChannelConfig | null> => {
    const rows = rowsOf<{
      settings: Record<string, unknown>;
      secret: string | null;
      updated_at: string | Date;
    }>(
      await db.owner.transaction((tx) =>
        tx.execute(sql`SELECT settings, secret, updated_at FROM notification_channels
          WHERE region_code = ${regionCode} AND channel = ${channel} AND enabled`),
      ),
    );
    const row = rows[0];
    if (!row) return null;
    const secret = row.secret ? JSON.parse(box.decrypt(row.secret, secretPlace(regionCode, channel))) : {};
    return { settings: row.settings, secret, updatedAt: new Date(row.updated_at).toISOString() };
  };
  return {
    get(regionCode, channel) {
      const key = `${regionCode}|${channel}`;
      const hit = cache.get(key);
      if (hit && performance.now() - hit.at < ttlMs) return hit.value;
      const value = load(regionCode, channel);
      cache.set(key, { at: performance.now(), value });
      value.catch(() => cache.delete(key));
      return value;
    },
    forget(regionCode, channel) {
      cache.delete(`${regionCode}|${channel}`);
    },
  };
}
