// `npm test`: every suite, then one closing line `N passed, N failed`.
//  1. static checks: schema/migration drift, types, lint, module boundaries, sizes
//  2. unit + integration tests on embedded PGlite
//  3. the same integration tests on a throwaway PostgreSQL cluster (initdb + pg_ctl)
//  4. browser tests in Debian's headless Chromium
// A missing PostgreSQL or Chromium is reported loudly, with the package to install, and the rest runs.
// `npm test -- --quick`: steps 1 and 2 only (CI runs them on the machine's older Node besides the
// whole suite on Node 24 LTS). Any other argument goes to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { startCluster } from './pg-cluster.mjs';

const out = '.test-output';
mkdirSync(out, { recursive: true });
const quick = process.argv.includes('--quick');
const extra = process.argv.slice(2).filter((a) => a !== '--quick');
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let hadError = false;

function banner(text) {
  console.log(`\n━━━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

function vitest(label, projects, env = {}) {
  banner(label);
  const json = `${out}/${label.replace(/\W+/g, '-')}.json`;
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${json}`,
    ...extra,
  ];
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (!existsSync(json)) {
    hadError = true;
    totals.failed += 1;
    lines.push(`${label}: runner failed (exit ${r.status})`);
    return;
  }
  const report = JSON.parse(readFileSync(json, 'utf8'));
  const failedSuites = (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  // Vitest also fails a run for errors outside any test (an unhandled rejection, an uncaught
  // exception); the report has no test for them, so they count as one failure here.
  const failed = report.numFailedTests + failedSuites;
  const outside = r.status !== 0 && failed === 0 ? 1 : 0;
  totals.passed += report.numPassedTests;
  totals.failed += failed + outside;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (r.status !== 0) hadError = true;
  lines.push(
    `${label}: ${report.numPassedTests} passed, ${failed + outside} failed${outside ? ` (vitest exited ${r.status}: errors outside tests, see above)` : ''}`,
  );
}

// Static checks: each counts as one test in the closing line.
const checks = [
  ['db:check (schema ↔ migrations)', 'node', ['scripts/db-check.mjs']],
  ['types (server, contracts, engine, benches)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['types (web)', 'npx', ['tsc', '--noEmit', '-p', 'apps/web/tsconfig.json']],
  ['lint and format (Biome)', 'npx', ['biome', 'check', '.']],
  [
    'module boundaries (dependency-cruiser)',
    'npx',
    ['depcruise', '--config', '.dependency-cruiser.cjs', 'apps', 'packages'],
  ],
  ['size (files ≤ 500 lines, functions ≤ 80 but the allow-list)', 'node', ['scripts/size-check.mjs']],
];
for (const [label, cmd, args] of checks) {
  banner(label);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    hadError = true;
  }
  lines.push(`${label}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
}

console.log(`\n[gaodi] Node ${process.version}${quick ? ' — quick suites only' : ''}`);
vitest('unit+int on PGlite', ['unit', 'int']);

async function postgresSuite() {
  const cluster = await startCluster().catch((e) => {
    console.error(e);
    return null;
  });
  if (!cluster) {
    hadError = true;
    lines.push('int on PostgreSQL: NOT RUN');
    console.error('\n!!!! PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin.');
    console.error(
      '!!!! Install them with: apt-get install -y postgresql   (the PostgreSQL suite did not run)\n',
    );
    return;
  }
  try {
    vitest(`int on PostgreSQL ${cluster.version}`, ['int'], { GAODI_TEST_PG_URL: cluster.url });
  } finally {
    cluster.stop();
  }
}

function browserSuite() {
  if (existsSync('/usr/bin/chromium')) return vitest('browser (Chromium)', ['e2e']);
  hadError = true;
  lines.push('browser: NOT RUN');
  console.error(
    '\n!!!! /usr/bin/chromium not found. Install it with: apt-get install -y chromium   (browser tests did not run)\n',
  );
}

if (quick) {
  lines.push('int on PostgreSQL, browser: not run (--quick)');
} else {
  await postgresSuite();
  browserSuite();
}

banner('summary');
for (const l of lines) console.log(`  ${l}`);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(hadError || totals.failed > 0 ? 1 : 0);
