import { setImmediate } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type AppDb, rowsOf, type Tx } from '../db/database.ts';
import type { DataBox } from './data-box.ts';
import type { EncryptedColumn } from './encrypted-column.ts';
import { countKeyVersions, keyAuditRegion } from './key-usage.ts';

export type BatchResult = { rekeyed: number; failed: number; last: string[] | null };

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return sql.raw(`"${name}"`);
};

const keyList = (c: EncryptedColumn, prefix = '') =>
  sql.join(
    c.key.map(([name]) => (prefix ? sql`${sql.raw(prefix)}.${ident(name)}` : ident(name))),
    sql`, `,
  );

function afterClause(c: EncryptedColumn, after: readonly string[] | null): SQL {
  if (!after) return sql`true`;
  const values = sql.join(
    c.key.map(([, type], i) => sql`${after[i]}::${sql.raw(type)}`),
    sql`, `,
  );
  return sql`(${keyList(c)}) > (${values})`;
}

/**
 * Re-encrypts up to `limit` values of one column that are not under the current key, after the
 * keyset position `after`, in the caller's transaction (their rows locked FOR UPDATE, so a user's
 * concurrent write waits and is never overwritten). A value that does not decrypt is left as it
 * is and counted. Rows already under the current key are not selected: running it again after an
 * interruption only does what is left.
 */
export async function rekeyBatch(
  tx: Tx,
  box: DataBox,
  c: EncryptedColumn,
  after: readonly string[] | null,
  limit: number,
): Promise<BatchResult> {
  const current = box.versions().current;
  const keyCols = c.key.map(([name], i) => sql`${ident(name)}::text AS ${sql.raw(`k${i}`)}`);
  const rows = rowsOf<Record<string, string>>(
    await tx.execute(sql`SELECT ${sql.join(keyCols, sql`, `)}, ${ident(c.column)} AS value
      FROM ${ident(c.table)}
      WHERE ${ident(c.column)} IS NOT NULL AND ${ident(c.column)} NOT LIKE ${`g${current}:%`}
        AND ${afterClause(c, after)}
      ORDER BY ${keyList(c)} LIMIT ${limit} FOR UPDATE`),
  );
  const keyOf = (row: Record<string, string>) => c.key.map((_, i) => String(row[`k${i}`]));
  const changes: Record<string, string>[] = [];
  let failed = 0;
  for (const row of rows) {
    const place = c.place(keyOf(row));
    try {
      const plain = box.decrypt(String(row.value), place);
      changes.push({ ...row, value: box.encrypt(plain, place), old: String(row.value) });
    } catch {
      failed++;
    }
  }
  if (changes.length > 0) {
    const types = c.key.map(([, type], i) => `k${i} ${type}`).join(', ');
    const match = sql.join(
      c.key.map(([name], i) => sql`t.${ident(name)} = v.${sql.raw(`k${i}`)}`),
      sql` AND `,
    );
    await tx.execute(sql`UPDATE ${ident(c.table)} AS t SET ${ident(c.column)} = v.value
      FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS v(${sql.raw(types)}, value text, old text)
      WHERE ${match} AND t.${ident(c.column)} = v.old`);
  }
  const lastRow = rows.at(-1);
  return { rekeyed: changes.length, failed, last: lastRow ? keyOf(lastRow) : null };
}

export type RotationReport = {
  toVersion: number;
  /** Values found under each older version when the run started. */
  before: Record<string, number>;
  rekeyed: number;
  failed: number;
  batches: number;
  seconds: number;
  byColumn: Record<string, number>;
};

export type RotateDeps = {
  db: { owner: AppDb };
  box: DataBox;
  clock: Clock;
  columns: readonly EncryptedColumn[];
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
};

/**
 * Re-encrypts every encrypted column under the box's current key, `batchSize` rows per owner
 * transaction, giving the event loop a turn between batches (the server keeps answering), then
 * writes one audit row with the counts. Resumable: a second run picks up only what is left. Passes
 * repeat (up to 3) while values under older keys remain, e.g. written by a process that had not yet
 * read the new key.
 */
export async function rotateToCurrentKey(deps: RotateDeps): Promise<RotationReport> {
  const started = performance.now();
  const current = deps.box.versions().current;
  const usage = await countKeyVersions(deps.db.owner, deps.columns);
  const before = Object.fromEntries(
    Object.entries(usage.total).filter(([version]) => version !== String(current)),
  );
  const total = Object.values(before).reduce((n, x) => n + x, 0);
  const report: RotationReport = {
    toVersion: current,
    before,
    rekeyed: 0,
    failed: 0,
    batches: 0,
    seconds: 0,
    byColumn: {},
  };
  for (let pass = 0; pass < 3; pass++) {
    const failedBefore = report.failed;
    for (const c of deps.columns) await rekeyColumn(deps, c, report, total);
    const left = await countKeyVersions(deps.db.owner, deps.columns);
    const pending = Object.entries(left.total).filter(([v]) => v !== String(current));
    const stuck = report.failed - failedBefore;
    if (pending.reduce((n, [, x]) => n + x, 0) <= stuck) break;
  }
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  await deps.db.owner.transaction(async (tx) => {
    await recordAudit(tx, {
      regionCode: await keyAuditRegion(tx),
      at: deps.clock.now(),
      actorId: null,
      actorName: 'system',
      action: 'rotate_keys',
      targetType: 'data_key',
      targetId: null,
      result: report.failed > 0 ? 'failed' : 'ok',
      detail: report,
    });
  });
  return report;
}

async function rekeyColumn(deps: RotateDeps, c: EncryptedColumn, report: RotationReport, total: number) {
  const limit = deps.batchSize ?? 200;
  const name = `${c.table}.${c.column}`;
  let after: string[] | null = null;
  let full = true;
  while (full) {
    const batch: BatchResult = await deps.db.owner.transaction((tx) =>
      rekeyBatch(tx, deps.box, c, after, limit),
    );
    after = batch.last;
    report.batches++;
    report.rekeyed += batch.rekeyed;
    report.failed += batch.failed;
    report.byColumn[name] = (report.byColumn[name] ?? 0) + batch.rekeyed;
    deps.onProgress?.(report.rekeyed, total);
    full = batch.rekeyed + batch.failed >= limit;
    await setImmediate();
  }
}
