// npm run audit:verify [-- --anchors anchors.json]: recomputes every region's audit hash chain on
// the configured database (DATABASE_URL, else the embedded PGlite under GAODI_DATA_DIR; stop the
// server first, PGlite has one process) and lists each changed, deleted or inserted row by region
// and place. Anchors exported earlier (/api/audit/anchors, the audit page's 导出锚点) also catch a
// rewritten chain. Exits 1 when anything is wrong.
import { readFileSync } from 'node:fs';
import { AuditAnchors } from '@gaodi/contracts';
import { ownerChainHeads, verifyAuditChain } from '../apps/server/src/platform/audit/audit-chain.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';

const at = process.argv.indexOf('--anchors');
const anchorsFile = at >= 0 ? process.argv[at + 1] : undefined;
const anchors = anchorsFile ? AuditAnchors.parse(JSON.parse(readFileSync(anchorsFile, 'utf8'))).anchors : [];
const config = loadConfig();
const db = await openDatabase(
  config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'pglite', dataDir: config.dataDir },
);
try {
  const started = performance.now();
  const report = await verifyAuditChain(db.owner, await ownerChainHeads(db.owner), new Date(), anchors);
  const rows = report.regions.reduce((n, r) => n + r.rows, 0);
  for (const r of report.regions)
    console.log(`${r.ok ? 'ok    ' : 'BROKEN'} ${r.regionCode}  ${r.rows} rows, chain to ${r.lastSeq}`);
  for (const p of report.problems)
    console.log(
      `  ${p.kind.padEnd(8)} region ${p.regionCode} place ${p.chainSeq ?? '-'} id ${p.id ?? '-'}: ${p.detail}`,
    );
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `audit:verify (${db.engine}): ${rows} rows in ${report.regions.length} regions, ${anchors.length} anchors, ` +
      `${report.problems.length} problems, ${seconds} s`,
  );
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await db.close();
}
