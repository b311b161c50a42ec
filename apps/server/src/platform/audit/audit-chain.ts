import { createHash } from 'node:crypto';
import type { AuditAnchor, AuditChainProblem, AuditChainReport } from '@gaodi/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type AppDb, rowsOf, type Tx } from '../db/database.ts';

/** The first row of every region's chain links to this hash. */
export const GENESIS_HASH = '0'.repeat(64);
const PAGE = 5000;

/**
 * The canonical text of an audit row, the verifier's own copy (not the database function the
 * trigger uses, which an owner could replace): JSON of every column but the chain's hashes.
 */
const CANONICAL = sql`jsonb_build_array(a.id, a.region_code, a.chain_seq,
  to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), a.actor_id, a.actor_name, a.action,
  a.target_type, a.target_id, a.result, a.client_address, a.detail)::text`;

type ChainRow = {
  id: number | string;
  region_code: string;
  chain_seq: number | string | null;
  prev_hash: string | null;
  row_hash: string | null;
  canonical: string;
};
export type ChainHead = { region: string; lastSeq: number; lastHash: string };
type Reader = Pick<AppDb | Tx, 'execute'>;

const rowHashOf = (prevHash: string, canonical: string) =>
  createHash('sha256')
    .update(prevHash + canonical, 'utf8')
    .digest('hex');

/** Walks one region's chain row by row and reports every break, by region and place. */
function walkRegion(
  region: string,
  rows: ChainRow[],
  head: ChainHead | undefined,
  problems: AuditChainProblem[],
) {
  let expected = 1;
  let prev = GENESIS_HASH;
  const report = (
    kind: AuditChainProblem['kind'],
    chainSeq: number | null,
    id: number | null,
    detail: string,
  ) => problems.push({ regionCode: region, kind, chainSeq, id, detail });
  for (const row of rows) {
    const seq = Number(row.chain_seq);
    const id = Number(row.id);
    if (seq > expected)
      report(
        'deleted',
        expected,
        null,
        seq - expected === 1 ? `第 ${expected} 条缺失` : `第 ${expected}–${seq - 1} 条缺失`,
      );
    else if (row.prev_hash !== prev)
      report('inserted', seq, id, `第 ${seq} 条与前一条的链接不符（前面插入或替换了记录）`);
    if (row.prev_hash === null || row.row_hash !== rowHashOf(row.prev_hash, row.canonical))
      report('changed', seq, id, `第 ${seq} 条（编号 ${id}）内容与其哈希不符`);
    prev = row.row_hash ?? '';
    expected = seq + 1;
  }
  if (head && head.lastSeq >= expected)
    report('deleted', expected, null, `链尾第 ${expected}–${head.lastSeq} 条缺失`);
  else if (head && rows.length > 0 && head.lastHash !== prev)
    report('changed', expected - 1, null, '链尾哈希与记录不符');
}

/** Reads one region's chained rows in pages of 5,000, in chain order. */
async function chainOf(db: Reader, region: string): Promise<ChainRow[]> {
  const rows: ChainRow[] = [];
  for (let after = 0; ; ) {
    const page = rowsOf<ChainRow>(
      await db.execute(sql`SELECT a.id, a.region_code, a.chain_seq, a.prev_hash, a.row_hash, ${CANONICAL} AS canonical
        FROM audit_log a WHERE a.region_code = ${region} AND a.chain_seq > ${after}
        ORDER BY a.chain_seq LIMIT ${PAGE}`),
    );
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = Number(page[page.length - 1]?.chain_seq);
  }
}

/**
 * Verifies the audit chains of every region the reader sees (the owner: all): a changed row
 * (its hash no longer matches), deleted rows (a gap, or a head ahead of the last row), an inserted
 * row (a broken link, or a row outside the chain), and, given anchors exported earlier, any
 * rewrite of a whole chain (an anchor's hash no longer at its place).
 */
export async function verifyAuditChain(
  db: Reader,
  heads: ChainHead[],
  at: Date,
  anchors: AuditAnchor[] = [],
): Promise<AuditChainReport> {
  const regions = rowsOf<{ region_code: string; n: number }>(
    await db.execute(sql`SELECT region_code, count(*)::int AS n FROM audit_log GROUP BY 1 ORDER BY 1`),
  );
  const problems: AuditChainProblem[] = [];
  const summary: AuditChainReport['regions'] = [];
  const anchorHash = new Map(anchors.map((a) => [`${a.regionCode}:${a.chainSeq}`, a.rowHash]));
  for (const { region_code: region, n } of regions) {
    const rows = await chainOf(db, region);
    const before = problems.length;
    walkRegion(
      region,
      rows,
      heads.find((h) => h.region === region),
      problems,
    );
    for (const row of rows) {
      const key = `${region}:${Number(row.chain_seq)}`;
      const expected = anchorHash.get(key);
      if (expected !== undefined && expected !== row.row_hash)
        problems.push({
          regionCode: region,
          kind: 'anchor',
          chainSeq: Number(row.chain_seq),
          id: Number(row.id),
          detail: `第 ${Number(row.chain_seq)} 条与锚点哈希不符（链被改写）`,
        });
      anchorHash.delete(key);
    }
    summary.push({
      regionCode: region,
      rows: n,
      lastSeq: Number(rows.at(-1)?.chain_seq ?? 0),
      ok: problems.length === before,
    });
  }
  await unlinkedRows(db, problems);
  for (const [key] of anchorHash) {
    const [regionCode = '', seq = '0'] = key.split(':');
    problems.push({
      regionCode,
      kind: 'anchor',
      chainSeq: Number(seq),
      id: null,
      detail: `锚点所指第 ${seq} 条不存在`,
    });
  }
  for (const p of problems) {
    const s = summary.find((r) => r.regionCode === p.regionCode);
    if (s) s.ok = false;
  }
  return { checkedAt: at.toISOString(), ok: problems.length === 0, regions: summary, problems };
}

/** Rows outside every chain (written with the chain trigger switched off): inserted. */
async function unlinkedRows(db: Reader, problems: AuditChainProblem[]) {
  const rows = rowsOf<{ id: number | string; region_code: string }>(
    await db.execute(
      sql`SELECT id, region_code FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT 1000`,
    ),
  );
  for (const r of rows)
    problems.push({
      regionCode: r.region_code,
      kind: 'inserted',
      chainSeq: null,
      id: Number(r.id),
      detail: `编号 ${Number(r.id)} 的记录不在哈希链上（绕过链写入）`,
    });
}

/** Each region's last chained row written before `end`: the day's anchors. */
export async function auditAnchors(db: Reader, end: Date, regionFilter?: SQL): Promise<AuditAnchor[]> {
  const rows = rowsOf<{ region_code: string; chain_seq: number | string; row_hash: string }>(
    await db.execute(sql`SELECT DISTINCT ON (region_code) region_code, chain_seq, row_hash FROM audit_log
      WHERE at < ${end.toISOString()} AND chain_seq IS NOT NULL ${regionFilter ?? sql``}
      ORDER BY region_code, chain_seq DESC`),
  );
  return rows.map((r) => ({ regionCode: r.region_code, chainSeq: Number(r.chain_seq), rowHash: r.row_hash }));
}

/** The chain heads as the owner reads them (the CLI). */
export async function ownerChainHeads(db: Reader): Promise<ChainHead[]> {
  return rowsOf<{ chain_region: string; last_seq: number | string; last_hash: string }>(
    await db.execute(sql`SELECT chain_region, last_seq, last_hash FROM audit_chain_heads`),
  ).map((h) => ({ region: h.chain_region, lastSeq: Number(h.last_seq), lastHash: h.last_hash }));
}

/** The chain heads of the regions an audit admin sees (through gaodi_audit_heads). */
export async function auditorChainHeads(tx: Tx): Promise<ChainHead[]> {
  return rowsOf<{ chain_region: string; last_seq: number | string; last_hash: string }>(
    await tx.execute(sql`SELECT * FROM gaodi_audit_heads()`),
  ).map((h) => ({ region: h.chain_region, lastSeq: Number(h.last_seq), lastHash: h.last_hash }));
}
