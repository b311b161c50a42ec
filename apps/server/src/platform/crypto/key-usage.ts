import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { type AppDb, rowsOf, type Tx } from '../db/database.ts';
import type { DataBox } from './data-box.ts';
import type { EncryptedColumn } from './encrypted-column.ts';
import { envelopeVersionSql } from './envelope.ts';

/** How many values each key version encrypts, per column and in total ('none': not an envelope). */
export type KeyUsage = {
  columns: { table: string; column: string; versions: Record<string, number> }[];
  total: Record<string, number>;
};

export async function countKeyVersions(
  db: AppDb | Tx,
  columns: readonly EncryptedColumn[],
): Promise<KeyUsage> {
  const usage: KeyUsage = { columns: [], total: {} };
  for (const c of columns) {
    if (!/^[a-z_]+$/.test(c.table) || !/^[a-z_]+$/.test(c.column)) throw new Error('bad column spec');
    const rows = rowsOf<{ version: number | null; n: number }>(
      await db.execute(
        sql.raw(`SELECT ${envelopeVersionSql(`"${c.column}"`)} AS version, count(*)::int AS n
          FROM "${c.table}" WHERE "${c.column}" IS NOT NULL GROUP BY 1`),
      ),
    );
    const versions: Record<string, number> = {};
    for (const row of rows) {
      const version = row.version === null ? 'none' : String(row.version);
      versions[version] = row.n;
      usage.total[version] = (usage.total[version] ?? 0) + row.n;
    }
    usage.columns.push({ table: c.table, column: c.column, versions });
  }
  return usage;
}

/**
 * Where key events are audited: the region of the installation's audit administrator (the oldest
 * enabled one), else of its system administrator, else the top region.
 */
export async function keyAuditRegion(tx: Tx): Promise<string> {
  const rows = rowsOf<{ code: string }>(
    await tx.execute(sql`SELECT code FROM (
        SELECT region_code AS code, CASE role WHEN 'auditadmin' THEN 0 ELSE 1 END AS rank, created_at
          FROM users WHERE role IN ('auditadmin', 'sysadmin') AND NOT is_disabled
        UNION ALL SELECT code, 2, now() FROM regions WHERE parent_code IS NULL
      ) r ORDER BY rank, created_at, code LIMIT 1`),
  );
  const code = rows[0]?.code;
  if (!code) throw new Error('no region to audit the key change in');
  return code;
}

export class KeyInUseError extends Error {
  constructor(
    readonly version: number,
    readonly usage: KeyUsage,
  ) {
    const n = usage.total[String(version)] ?? 0;
    const where = usage.columns
      .filter((c) => c.versions[String(version)])
      .map((c) => `${c.table}.${c.column} ${c.versions[String(version)]}`)
      .join(', ');
    super(`data key version ${version} still encrypts ${n} values (${where}): run npm run keys:rotate first`);
  }
}

/**
 * Checks that a key version may leave the keyring: not the current one, and no value uses it.
 * Throws KeyInUseError with the counts otherwise; on success writes the audit row. The caller then
 * takes the key out of its source (a key file renamed, or the operator's environment).
 */
export async function checkKeyRetirable(
  deps: { db: { owner: AppDb }; box: DataBox; clock: Clock; columns: readonly EncryptedColumn[] },
  version: number,
): Promise<void> {
  const { current, known } = deps.box.versions();
  if (version === current) throw new Error(`data key version ${version} is the current one: rotate first`);
  if (!known.includes(version)) throw new Error(`data key version ${version} is not configured`);
  await deps.db.owner.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(72430002)`);
    const usage = await countKeyVersions(tx, deps.columns);
    if ((usage.total[String(version)] ?? 0) > 0) throw new KeyInUseError(version, usage);
    await recordAudit(tx, {
      regionCode: await keyAuditRegion(tx),
      at: deps.clock.now(),
      actorId: null,
      actorName: 'system',
      action: 'retire_key',
      targetType: 'data_key',
      targetId: null,
      result: 'ok',
      detail: { version, current },
    });
  });
}
