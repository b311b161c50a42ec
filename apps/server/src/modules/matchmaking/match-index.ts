import { gunzipSync, gzipSync } from 'node:zlib';
import {
  createMatchingEngine,
  type EngineOptions,
  loadMatchingEngine,
  type MatchDocument,
  type MatchingEngine,
} from '@gaodi/matching';
import { asc, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { matchIndexSnapshots } from './matchmaking.table.ts';
import { rowsOf } from './sql-rows.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's matching index (tests and the benchmark read its state). */
    matchIndex: MatchIndex;
  }
}

/**
 * Bumped whenever the document shape or tags change: a snapshot of another format is ignored and
 * the index rebuilt from the tables.
 */
export const MATCH_INDEX_FORMAT = 'gaodi-match-2-gzip';
/** Snapshot part size: large values are slow and memory-hungry in some drivers (PGlite). */
const PART_BYTES = 8 * 1024 * 1024;
const SNAPSHOT_KEY = 'main';

/** Tags the index puts on documents; the recommendation filters use the same helpers. */
export const matchTags = {
  /** Achievements and experts: the institute's tenant region (what a user may be recommended). */
  party: (regionCode: string) => `party:${regionCode}`,
  /** Needs: the enterprise's region. */
  needRegion: (regionCode: string) => `region:${regionCode}`,
  industry: (id: string) => `industry:${id}`,
  trl: (n: number) => `trl:${n}`,
  level: (level: string) => `level:${level}`,
  city: (city: string) => `city:${city}`,
  openNeed: 'need:open',
  achievement: 'kind:achievement',
  expert: 'kind:expert',
  need: 'kind:need',
} as const;

type AchievementRow = {
  id: string;
  region_code: string;
  institute_id: string;
  title: string;
  abstract: string;
  keywords: string[];
  industry_id: string | null;
  trl: number;
  level: string;
  city: string;
};
type NeedRow = {
  id: string;
  region_code: string;
  enterprise_id: string;
  title: string;
  description: string;
  keywords: string[];
  industry_id: string | null;
  stage: string;
};
type ExpertRow = {
  id: string;
  region_code: string;
  institute_id: string;
  name: string;
  title: string;
  field: string;
  level: string;
  city: string;
};

const instituteTags = (r: { region_code: string; level: string; city: string }) => [
  matchTags.party(r.region_code),
  matchTags.level(r.level),
  ...(r.city ? [matchTags.city(r.city)] : []),
];

export const achievementDocument = (r: AchievementRow): MatchDocument => ({
  id: `achievement:${r.id}`,
  owners: [r.institute_id],
  fields: { title: r.title, keywords: r.keywords, text: r.abstract },
  tags: [
    matchTags.achievement,
    ...instituteTags(r),
    matchTags.trl(r.trl),
    ...(r.industry_id ? [matchTags.industry(r.industry_id)] : []),
  ],
});

export const needDocument = (r: NeedRow): MatchDocument => ({
  id: `need:${r.id}`,
  owners: [r.enterprise_id],
  fields: { title: r.title, keywords: r.keywords, text: r.description },
  tags: [
    matchTags.need,
    matchTags.needRegion(r.region_code),
    ...(r.stage === 'published' || r.stage === 'matching' ? [matchTags.openNeed] : []),
    ...(r.industry_id ? [matchTags.industry(r.industry_id)] : []),
  ],
});

export const expertDocument = (r: ExpertRow): MatchDocument => ({
  id: `expert:${r.id}`,
  owners: [r.institute_id],
  // The research field is what a need can match; the name and title only label the result.
  fields: { title: r.field, keywords: r.field ? [r.field] : [], text: r.field },
  tags: [matchTags.expert, ...instituteTags(r)],
});

/**
 * The text of a need as a query: title, keywords and the start of the description (a query's cost
 * grows with its terms, and the opening of a need says what it is about).
 */
export const needQueryText = (need: { title: string; keywords: readonly string[]; description: string }) =>
  [need.title, need.keywords.join(' '), need.description.slice(0, 400)].join('\n');

const ACHIEVEMENTS_SQL = sql`
  SELECT a.id, a.region_code, a.institute_id, a.title, a.abstract, a.keywords, a.industry_id, a.trl,
         i.level, i.city
  FROM achievements a JOIN institutes i ON i.id = a.institute_id
  WHERE a.deleted_at IS NULL AND i.deleted_at IS NULL`;
const NEEDS_SQL = sql`
  SELECT id, region_code, enterprise_id, title, description, keywords, industry_id, stage
  FROM tech_needs WHERE deleted_at IS NULL`;
const EXPERTS_SQL = sql`
  SELECT e.id, e.region_code, e.institute_id, e.name, e.title, e.field, i.level, i.city
  FROM experts e JOIN institutes i ON i.id = e.institute_id
  WHERE e.deleted_at IS NULL AND i.deleted_at IS NULL AND e.field <> ''`;

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Change ids below the last one seen that are not visible yet: an open transaction, or a rolled-back one. */
const GAP_GIVE_UP_MS = 60_000;
/** On load, changes this far below the stored cursor are re-applied: cheap insurance against ids
 * that were allocated but not yet committed when the cursor was taken. */
const CURSOR_MARGIN = 200;

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

export type MatchIndexStats = {
  documents: number;
  changeId: number;
  source: 'snapshot' | 'rebuild';
  startMs: number;
  lastCatchUpMs: number;
};

export type MatchIndex = {
  /** Loads the current snapshot (or rebuilds from the tables) and catches up. Call once at start. */
  start: () => Promise<MatchIndexStats>;
  /**
   * The engine, caught up from the change log when the last catch-up is older than `maxLagMs`:
   * no answer is ever based on an index older than that plus one catch-up.
   */
  fresh: () => Promise<MatchingEngine>;
  /** Applies every logged change not applied yet (coalesced: concurrent callers share one run). */
  catchUp: () => Promise<void>;
  /** Called after a local write commits: catches up at once instead of at the next request. */
  changed: () => void;
  /** Stores the serialised index with the change id it covers. */
  saveSnapshot: () => Promise<void>;
  /** The highest change id applied contiguously. */
  changeId: () => number;
  stats: () => MatchIndexStats;
};

/**
 * The server's matching index: one engine per process over every region's needs, achievements
 * and experts (tags carry region and filters; answers are re-read through row-level security).
 * Consistency across processes comes from the `match_changes` log that triggers fill: each process
 * applies the log from its cursor. Reads the tables on the owner connection because it indexes all
 * regions; it never answers a user directly.
 */
export function createMatchIndex({
  db,
  maxLagMs = 500,
  snapshotEveryChanges = 2000,
  useSnapshot = true,
  engineOptions,
}: {
  db: Database;
  maxLagMs?: number;
  snapshotEveryChanges?: number;
  /** false: always rebuild from the tables at start (tests compare against this). */
  useSnapshot?: boolean;
  /**
   * Engine options (default: the engine's own). Measured trade-off (bench:matchmaking -- --bigrams 0):
   * without character bigrams a 55k-document index loads about 3× faster, at about 4 % lower nDCG@10
   * on the matching dev split.
   */
  engineOptions?: EngineOptions;
}): MatchIndex {
  // A snapshot written with other options is not this index.
  const format = engineOptions
    ? `${MATCH_INDEX_FORMAT}:${JSON.stringify(engineOptions)}`
    : MATCH_INDEX_FORMAT;
  let engine: MatchingEngine = createMatchingEngine(engineOptions);
  /** Every change id ≤ watermark is applied (or given up as a rollback). */
  let watermark = 0;
  const appliedAbove = new Set<number>();
  const gapFirstSeen = new Map<number, number>();
  let lastCatchUp = Number.NEGATIVE_INFINITY;
  /** Runs are serialised; a run queued but not started is shared by every caller meanwhile. */
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  /** A local write committed since the last run started: the next read waits for a catch-up. */
  let isDirty = false;
  let changesSinceSnapshot = 0;
  let snapshotting: Promise<void> | null = null;
  const stats: MatchIndexStats = {
    documents: 0,
    changeId: 0,
    source: 'rebuild',
    startMs: 0,
    lastCatchUpMs: 0,
  };

  const owner = db.owner;

  async function maxChangeId(): Promise<number> {
    const [row] = rowsOf<{ n: string | number | null }>(
      await owner.execute(sql`SELECT max(id) AS n FROM match_changes`),
    );
    return Number(row?.n ?? 0);
  }

  async function rebuild(): Promise<void> {
    const cursor = await maxChangeId();
    const [achievementRows, needRows, expertRows] = [
      rowsOf<AchievementRow>(await owner.execute(ACHIEVEMENTS_SQL)),
      rowsOf<NeedRow>(await owner.execute(NEEDS_SQL)),
      rowsOf<ExpertRow>(await owner.execute(EXPERTS_SQL)),
    ];
    const fresh = createMatchingEngine(engineOptions);
    fresh.addMany([
      ...achievementRows.map(achievementDocument),
      ...needRows.map(needDocument),
      ...expertRows.map(expertDocument),
    ]);
    engine = fresh;
    setCursor(cursor);
    stats.source = 'rebuild';
  }

  function setCursor(cursor: number) {
    watermark = Math.max(0, cursor - CURSOR_MARGIN);
    appliedAbove.clear();
    gapFirstSeen.clear();
  }

  async function loadSnapshot(): Promise<boolean> {
    const [head] = await owner
      .select({
        maxChangeId: matchIndexSnapshots.maxChangeId,
        format: matchIndexSnapshots.format,
        documents: matchIndexSnapshots.documents,
      })
      .from(matchIndexSnapshots)
      .where(sql`${matchIndexSnapshots.key} = ${SNAPSHOT_KEY} AND ${matchIndexSnapshots.part} = 0`);
    if (!head || head.format !== format) return false;
    // A snapshot far behind the log is slower to catch up than to rebuild.
    const behind = (await maxChangeId()) - head.maxChangeId;
    if (behind > Math.max(5000, head.documents / 5)) return false;
    const parts = await readSnapshotParts(db);
    // Parts of one save share its cursor; anything else is a torn read (cannot happen in one transaction).
    if (parts.some((x) => x.maxChangeId !== head.maxChangeId)) return false;
    try {
      // A Buffer is a Uint8Array: passed as is, not copied (the raw index is hundreds of MB).
      // A snapshot the engine cannot read (e.g. written by an older engine version) throws here,
      // and start() rebuilds from the tables and stores a new snapshot.
      engine = loadMatchingEngine(gunzipSync(Buffer.concat(parts.map((x) => x.bytes))));
    } catch {
      return false;
    }
    setCursor(head.maxChangeId);
    stats.source = 'snapshot';
    return true;
  }

  async function applyDocuments(docIds: Set<string>) {
    const byKind = new Map<string, string[]>();
    for (const docId of docIds) {
      const colon = docId.indexOf(':');
      const kind = docId.slice(0, colon);
      byKind.set(kind, [...(byKind.get(kind) ?? []), docId.slice(colon + 1)]);
    }
    const institutes = byKind.get('institute') ?? [];
    const achievementIds = byKind.get('achievement') ?? [];
    const expertIds = byKind.get('expert') ?? [];
    const needIds = byKind.get('need') ?? [];
    const seen = new Set<string>();
    for (let i = 0; i < achievementIds.length || i < expertIds.length || i < needIds.length; i += 1000) {
      const a = achievementIds.slice(i, i + 1000);
      const e = expertIds.slice(i, i + 1000);
      const n = needIds.slice(i, i + 1000);
      if (a.length)
        for (const r of rowsOf<AchievementRow>(
          await owner.execute(sql`${ACHIEVEMENTS_SQL} AND a.id IN (${uuidList(a)})`),
        )) {
          engine.update(achievementDocument(r));
          seen.add(`achievement:${r.id}`);
        }
      if (e.length)
        for (const r of rowsOf<ExpertRow>(
          await owner.execute(sql`${EXPERTS_SQL} AND e.id IN (${uuidList(e)})`),
        )) {
          engine.update(expertDocument(r));
          seen.add(`expert:${r.id}`);
        }
      if (n.length)
        for (const r of rowsOf<NeedRow>(await owner.execute(sql`${NEEDS_SQL} AND id IN (${uuidList(n)})`))) {
          engine.update(needDocument(r));
          seen.add(`need:${r.id}`);
        }
    }
    // Gone (deleted, soft-deleted, or emptied): out of the index.
    for (const [kind, ids] of [
      ['achievement', achievementIds],
      ['expert', expertIds],
      ['need', needIds],
    ] as const) {
      for (const id of ids) if (!seen.has(`${kind}:${id}`)) engine.remove(`${kind}:${id}`);
    }
    // An institute's level, city or deletion changes its documents' tags.
    if (institutes.length) {
      const list = uuidList(institutes);
      const achievementRows = rowsOf<AchievementRow>(
        await owner.execute(sql`
          SELECT a.id, a.region_code, a.institute_id, a.title, a.abstract, a.keywords, a.industry_id, a.trl,
                 i.level, i.city, (a.deleted_at IS NULL AND i.deleted_at IS NULL) AS live
          FROM achievements a JOIN institutes i ON i.id = a.institute_id WHERE i.id IN (${list})`),
      ) as (AchievementRow & { live: boolean })[];
      for (const r of achievementRows)
        r.live ? engine.update(achievementDocument(r)) : engine.remove(`achievement:${r.id}`);
      const expertRows = rowsOf<ExpertRow & { live: boolean }>(
        await owner.execute(sql`
          SELECT e.id, e.region_code, e.institute_id, e.name, e.title, e.field, i.level, i.city,
                 (e.deleted_at IS NULL AND i.deleted_at IS NULL AND e.field <> '') AS live
          FROM experts e JOIN institutes i ON i.id = e.institute_id WHERE i.id IN (${list})`),
      );
      for (const r of expertRows) r.live ? engine.update(expertDocument(r)) : engine.remove(`expert:${r.id}`);
    }
  }

  async function runCatchUp(): Promise<void> {
    const started = performance.now();
    isDirty = false;
    const rows = rowsOf<{ id: string | number; doc_id: string }>(
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
    if (docIds.size > 0) await applyDocuments(docIds);
    for (const id of ids) {
      appliedAbove.add(id);
      gapFirstSeen.delete(id);
    }
    // Advance the watermark over applied ids; a missing id holds it until it appears or times out.
    const now = performance.now();
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
    lastCatchUp = performance.now();
    stats.lastCatchUpMs = lastCatchUp - started;
    stats.documents = engine.size();
    stats.changeId = watermark;
    changesSinceSnapshot += ids.length;
    if (changesSinceSnapshot >= snapshotEveryChanges && !snapshotting) {
      snapshotting = saveSnapshot().finally(() => {
        snapshotting = null;
      });
    }
  }

  // A caller always gets a run that starts after its call, so a write committed before the call is seen.
  function catchUp(): Promise<void> {
    if (queued) return queued;
    const run = chain.then(() => {
      queued = null;
      return runCatchUp();
    });
    queued = run;
    chain = run.catch(() => undefined);
    return run;
  }

  async function saveSnapshot(): Promise<void> {
    await chain;
    const cursor = watermark;
    const documents = engine.size();
    // Level 1: a third of the size for little CPU; the bytes are mostly small integers.
    const packed = gzipSync(engine.serialize(), { level: 1 });
    changesSinceSnapshot = 0;
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

  return {
    start: async () => {
      const started = performance.now();
      const loaded = useSnapshot && (await loadSnapshot());
      if (!loaded) await rebuild();
      await catchUp();
      if (!loaded) await saveSnapshot();
      stats.startMs = performance.now() - started;
      return { ...stats };
    },
    fresh: async () => {
      // Read-your-writes in this process; other processes' writes within maxLagMs.
      if (isDirty || performance.now() - lastCatchUp > maxLagMs) await catchUp();
      return engine;
    },
    catchUp,
    changed: () => {
      isDirty = true;
      void catchUp().catch(() => undefined);
    },
    saveSnapshot,
    changeId: () => watermark,
    stats: () => ({ ...stats, documents: engine.size(), changeId: watermark }),
  };
}
