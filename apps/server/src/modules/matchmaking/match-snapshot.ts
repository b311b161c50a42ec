import { gunzipSync, gzipSync } from 'node:zlib';
import { loadMatchingEngine, type MatchingEngine } from '@gaodi/matching';
import { asc, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { matchIndexSnapshots } from './matchmaking.table.ts';
import { rowsOf } from './sql-rows.ts';

/**
 * Bumped whenever the document shape or tags change: a snapshot of another format is ignored and
 * the index rebuilt from the tables.
 */
export const MATCH_INDEX_FORMAT = 'gaodi-match-2-gzip';
/** Snapshot part size: large values are slow and memory-hungry in some drivers (PGlite). */
const PART_BYTES = 8 * 1024 * 1024;
const SNAPSHOT_KEY = 'main';

type Owner = Database['owner'];

/** The highest change id in the log (0 when empty). */
export async function maxChangeId(owner: Owner): Promise<number> {
  const [row] = rowsOf<{ n: string | number | null }>(
    await owner.execute(sql`SELECT max(id) AS n FROM match_changes`),
  );
  return Number(row?.n ?? 0);
}

/**
 * The stored snapshot's parts in order (gzip bytes), read as base64 text for the reason given at
 * the write. Exported for the benchmark, which loads the same bytes into a bare engine.
 */
export async function readSnapshotParts(db: Database) {
  const rows = await db.owner
    .select({
      b64: sql<string>`encode(${matchIndexSnapshots.bytes}, 'base64')`,
      maxChangeId: matchIndexSnapshots.maxChangeId,
      format: matchIndexSnapshots.format,
    })
    .from(matchIndexSnapshots)
    .where(sql`${matchIndexSnapshots.key} = ${SNAPSHOT_KEY}`)
    .orderBy(asc(matchIndexSnapshots.part));
  return rows.map((r) => ({
    bytes: Buffer.from(r.b64, 'base64'),
    maxChangeId: Number(r.maxChangeId),
    format: r.format,
  }));
}

/** The stored engine of this format with the change id it covers, or null when a rebuild is better. */
export async function loadSnapshot(
  db: Database,
  format: string,
): Promise<{ engine: MatchingEngine; changeId: number } | null> {
  const [head] = await db.owner
    .select({
      maxChangeId: matchIndexSnapshots.maxChangeId,
      format: matchIndexSnapshots.format,
      documents: matchIndexSnapshots.documents,
    })
    .from(matchIndexSnapshots)
    .where(sql`${matchIndexSnapshots.key} = ${SNAPSHOT_KEY} AND ${matchIndexSnapshots.part} = 0`);
  if (!head || head.format !== format) return null;
  // A snapshot far behind the log is slower to catch up than to rebuild.
  const behind = (await maxChangeId(db.owner)) - head.maxChangeId;
  if (behind > Math.max(5000, head.documents / 5)) return null;
  const parts = await readSnapshotParts(db);
  // Parts of one save share its cursor; anything else is a torn read (cannot happen in one transaction).
  if (parts.some((x) => x.maxChangeId !== head.maxChangeId)) return null;
  try {
    // A Buffer is a Uint8Array: passed as is, not copied (the raw index is hundreds of MB).
    // A snapshot the engine cannot read (e.g. written by an older engine version) throws here,
    // and start() rebuilds from the tables and stores a new snapshot.
    const engine = loadMatchingEngine(gunzipSync(Buffer.concat(parts.map((x) => x.bytes))));
    return { engine, changeId: head.maxChangeId };
  } catch {
    return null;
  }
}

/** The engine's bytes as stored. Level 1: a third of the size for little CPU; the bytes are mostly small integers. */
export const packEngine = (engine: MatchingEngine) => gzipSync(engine.serialize(), { level: 1 });

/** Stores the packed engine in parts, unless another process has stored a newer cursor meanwhile. */
export async function writeSnapshot(
  owner: Owner,
  snapshot: { format: string; packed: Buffer; cursor: number; documents: number },
): Promise<void> {
  const { format, packed, cursor, documents } = snapshot;
  await owner.transaction(async (tx) => {
    // Several processes may save: the newest cursor wins (the row lock orders concurrent savers).
    const [current] = await tx
      .select({ maxChangeId: matchIndexSnapshots.maxChangeId, format: matchIndexSnapshots.format })
      .from(matchIndexSnapshots)
      .where(sql`${matchIndexSnapshots.key} = ${SNAPSHOT_KEY} AND ${matchIndexSnapshots.part} = 0`)
      .for('update');
    if (current && current.format === format && current.maxChangeId > cursor) return;
    await tx.delete(matchIndexSnapshots).where(sql`${matchIndexSnapshots.key} = ${SNAPSHOT_KEY}`);
    for (let part = 0, offset = 0; offset < packed.length || part === 0; part++, offset += PART_BYTES) {
      await tx.insert(matchIndexSnapshots).values({
        key: SNAPSHOT_KEY,
        part,
        // Sent as base64 and decoded by the server: PGlite moves bytea parameters byte by byte
        // (8 MB: seconds), text in one piece.
        bytes: sql`decode(${packed.subarray(offset, offset + PART_BYTES).toString('base64')}, 'base64')`,
        maxChangeId: cursor,
        format,
        documents,
        builtAt: sql`now()`,
      });
    }
  });
}
