import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { rowsOf } from './sql-rows.ts';

/** Change ids below the last one seen that are not visible yet: an open transaction, or a rolled-back one. */
const GAP_GIVE_UP_MS = 60_000;
/** On load, changes this far below the stored cursor are re-applied: cheap insurance against ids
 * that were allocated but not yet committed when the cursor was taken. */
const CURSOR_MARGIN = 200;

type ChangeRow = { id: string | number; doc_id: string };

/**
 * Where a process stands in the `match_changes` log: every id ≤ the watermark is applied (or given
 * up as a rollback); ids applied above it wait for the ids below them.
 */
export type ChangeCursor = {
  watermark: () => number;
  /** Starts again from a snapshot's or a rebuild's change id (less a margin). */
  set: (changeId: number) => void;
  /** The logged changes above the watermark not applied yet: their ids and documents. */
  read: (owner: Database['owner']) => Promise<{ ids: number[]; docIds: Set<string> }>;
  /** Marks ids applied and moves the watermark over them; a missing id holds it until it appears or times out. */
  advance: (ids: number[], now: number) => void;
};

export function createChangeCursor(): ChangeCursor {
  let watermark = 0;
  const appliedAbove = new Set<number>();
  const gapFirstSeen = new Map<number, number>();
  return {
    watermark: () => watermark,
    set: (changeId) => {
      watermark = Math.max(0, changeId - CURSOR_MARGIN);
      appliedAbove.clear();
      gapFirstSeen.clear();
    },
    read: async (owner) => {
      const rows = rowsOf<ChangeRow>(
        await owner.execute(sql`SELECT id, doc_id FROM match_changes WHERE id > ${watermark} ORDER BY id`),
      );
      const docIds = new Set<string>();
      const ids: number[] = [];
      for (const r of rows) {
        const id = Number(r.id);
        if (appliedAbove.has(id)) continue;
        ids.push(id);
        docIds.add(r.doc_id);
      }
      return { ids, docIds };
    },
    advance: (ids, now) => {
      for (const id of ids) {
        appliedAbove.add(id);
        gapFirstSeen.delete(id);
      }
      let top = watermark;
      for (const id of appliedAbove) if (id > top) top = id;
      for (let id = watermark + 1; id <= top; id++) {
        if (appliedAbove.has(id)) continue;
        if (!gapFirstSeen.has(id)) gapFirstSeen.set(id, now);
      }
      while (true) {
        const next = watermark + 1;
        if (appliedAbove.delete(next)) {
          watermark = next;
          continue;
        }
        const since = gapFirstSeen.get(next);
        if (since !== undefined && now - since > GAP_GIVE_UP_MS) {
          gapFirstSeen.delete(next);
          watermark = next;
          continue;
        }
        break;
      }
    },
  };
}
