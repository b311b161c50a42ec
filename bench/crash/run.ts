import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type CrashFigures, runCrashTest } from '../../apps/server/src/test/reliability/crash-run.ts';
// @ts-expect-error plain .mjs helper without types
import { startCluster } from '../../scripts/pg-cluster.mjs';

/**
 * npm run bench:crash [-- --kills 50 --engine both|pglite|postgres]
 *
 * The crash test at full length: per engine, the real server as a child process, three writers
 * sending acknowledged writes (institutes, recruitment records, stage moves, ledger entries; every
 * third cycle a month-end snapshot), SIGKILL at a random moment, restart without repair, every
 * acknowledged write of the cycle checked through the API; at the end the whole ledger against the
 * tables (nothing lost, nothing half-written, the audit chain whole). PostgreSQL: a throwaway cluster
 * (scripts/pg-cluster.mjs) with fsync and synchronous_commit on, as in production.
 */
const { values } = parseArgs({
  options: { kills: { type: 'string', default: '50' }, engine: { type: 'string', default: 'both' } },
});
const kills = Number(values.kills);
const engines = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine];
const work = mkdtempSync(join(tmpdir(), 'gaodi-crash-'));
const results: CrashFigures[] = [];
const log = (line: string) => console.log(`[crash] ${line}`);

if (engines.includes('pglite')) {
  const dataDir = join(work, 'pglite');
  mkdirSync(dataDir);
  results.push(await runCrashTest({ target: { engine: 'pglite', dataDir }, kills, workDir: work, log }));
}
if (engines.includes('postgres')) {
  const cluster = await startCluster({ durable: true });
  if (!cluster) throw new Error('PostgreSQL binaries not found (apt-get install -y postgresql)');
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    // An ordinary owner, as on a managed PostgreSQL (docs/ARCHITECTURE.md, Tenancy).
    await admin.query('CREATE ROLE gaodi_owner LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS');
    await admin.query('CREATE DATABASE gaodi_crash OWNER gaodi_owner');
    await admin.end();
    const url = cluster.url.replace('postgres@', 'gaodi_owner@').replace(/\/postgres$/, '/gaodi_crash');
    const dataDir = join(work, 'pg-files');
    mkdirSync(dataDir);
    results.push(
      await runCrashTest({ target: { engine: 'postgres', url, dataDir }, kills, workDir: work, log }),
    );
  } finally {
    cluster.stop();
  }
}
for (const r of results) {
  const sorted = [...r.restartMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(
    `${r.engine}: ${r.kills} kills (${r.killsDuringSnapshot} during a month-end snapshot), ${r.acknowledgedWrites} acknowledged writes, ` +
      `${r.inFlightAtKill} in flight at a kill, ${r.checked} rows checked at the end, ${r.problems.length} problems; ` +
      `restart median ${(median / 1000).toFixed(1)} s, max ${((sorted.at(-1) ?? 0) / 1000).toFixed(1)} s; ${r.seconds.toFixed(0)} s`,
  );
  for (const p of r.problems.slice(0, 20)) console.log(`  ${p}`);
}
rmSync(work, { recursive: true, force: true });
process.exitCode = results.every((r) => r.problems.length === 0) ? 0 : 1;
