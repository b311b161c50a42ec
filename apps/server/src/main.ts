import { join } from 'node:path';
import { ROLE_LABELS } from '@gaodi/contracts';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, DEMO_USERS, JINXIANG, loadDemoData, loadRegions } from './demo/demo-data.ts';
import { DEMO_TOTP_SECRET } from './demo/demo-mfa.ts';
import { ENCRYPTED_COLUMNS } from './encrypted-columns.ts';
import { ensureInitialAdmin } from './platform/auth/initial-admin.ts';
import { answerBackupRequests, backupJob } from './platform/backup/backup-job.ts';
import { parseRetention } from './platform/backup/retention.ts';
import { createManualClock, systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { createDataBox, loadKeyring } from './platform/crypto/index.ts';
import { answerKeyRequests } from './platform/crypto/key-requests.ts';
import { openDatabase } from './platform/db/database.ts';
import { warmSheetReader } from './platform/excel/sheet-reader.ts';
import { startScheduler } from './platform/jobs/jobs.ts';
import { testClockRoutes } from './platform/jobs/test-clock.routes.ts';
import { createDiskStorage } from './platform/storage/storage.ts';

// Composition root: config → db → services → routes → listen.
const started = performance.now();
const config = loadConfig();
// Browser tests move time through /api/test/clock instead of sleeping; never in production.
const testClock = process.env.GAODI_TEST_CLOCK === '1' ? createManualClock() : null;
if (testClock && config.isProduction) throw new Error('GAODI_TEST_CLOCK is for browser tests only');
const clock = testClock ?? systemClock;
const db = await openDatabase(
  config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'pglite', dataDir: config.dataDir },
);
await db.migrate();
// Demo data (with its published demo logins) only when asked: GAODI_DEMO=1, or by default on a
// start that is not production. Otherwise an empty users table gets one initial system
// administrator whose one-time password is printed once below.
const withDemo = process.env.GAODI_DEMO ? process.env.GAODI_DEMO === '1' : !config.isProduction;
// Personal data keys (platform/crypto): key files are read again when `npm run keys:rotate`, run
// by another process on PostgreSQL, adds one (an envelope of an unknown version, or every 10 s).
const keyring = loadKeyring({ dataDir: config.dataDir });
const dataBox = createDataBox(
  keyring,
  keyring.source === 'file'
    ? { reload: () => loadKeyring({ dataDir: config.dataDir }), refreshMs: 10_000 }
    : {},
);
const demo = withDemo ? await loadDemoData(db, clock, dataBox) : { created: false };
if (!withDemo) await loadRegions(db.owner);
const initialAdmin = withDemo
  ? null
  : await ensureInitialAdmin(db, clock, process.env.GAODI_ADMIN_REGION ?? JINXIANG);
const app = await buildApp({
  db,
  clock,
  webDist: config.webDist,
  sessionIdleMinutes: config.sessionIdleMinutes,
  loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  trustProxy: config.trustProxy,
  production: config.isProduction,
  logger: { level: config.logLevel },
  fileStorage: createDiskStorage(join(config.dataDir, 'files')),
  dataBox,
  publicUrl: config.publicUrl,
});
if (testClock) await app.register(testClockRoutes, { clock: testClock, jobs: app.scheduledJobs });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  await app.close(); // stops accepting, waits for in-flight requests
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
// The import parser's worker loads ExcelJS now, not while the first upload waits.
warmSheetReader();
// Backups (platform/backup): the daily job when GAODI_BACKUP_DIR is set; `npm run backup` asks an
// embedded server through SIGUSR2, since only this process may open its data folder.
const backupDeps = { db, dataDir: config.dataDir, databaseUrl: config.databaseUrl };
answerBackupRequests(backupDeps, app.log);
answerKeyRequests(
  { db, box: dataBox, clock, columns: ENCRYPTED_COLUMNS, source: keyring.source, dataDir: config.dataDir },
  app.log,
);
const backupDir = process.env.GAODI_BACKUP_DIR;
const backups = backupDir
  ? [
      backupJob({
        ...backupDeps,
        clock,
        dir: backupDir,
        retention: parseRetention(process.env.GAODI_BACKUP_KEEP),
      }),
    ]
  : [];
startScheduler({ jobs: [...app.scheduledJobs, ...backups], log: app.log, clock });
// The outbox: e-mail, WeCom, DingTalk, SMS (and webhooks) delivered from any number of processes.
app.deliveries.start(app.log);
const url = `http://localhost:${config.port}`;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const demoLines = [
  `  Demo logins (password for all: ${DEMO_PASSWORD}; administrators and leaders also enter a code from an authenticator app with the key ${DEMO_TOTP_SECRET})`,
  ...DEMO_USERS.map(
    (u) =>
      `    ${u.username.padEnd(12)} ${ROLE_LABELS[u.role].zh}（${ROLE_LABELS[u.role].en}）· ${u.displayName} · ${u.regionCode}`,
  ),
];
const adminLines = initialAdmin
  ? [
      '  Initial system administrator (shown this once; change it at first sign-in):',
      `    username ${initialAdmin.username}   one-time password ${initialAdmin.password}`,
    ]
  : ['  No demo data (GAODI_DEMO=1 loads it).'];
const lines = [
  '',
  `  高地 Gaodi is running at ${url}   (${db.engine}${db.engine === 'pglite' ? `, data in ${config.dataDir}` : ''}; ready in ${seconds} s${demo.created ? ', demo data loaded' : ''})`,
  `  API docs: ${url}/api/docs`,
  '',
  ...(withDemo ? demoLines : adminLines),
  '',
];
console.log(lines.join('\n'));
