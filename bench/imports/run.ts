import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../apps/server/src/demo/demo-data.ts';
import { readUploadedSheets } from '../../apps/server/src/platform/excel/sheet-reader.ts';
import {
  deflatedZeros,
  enterpriseSheet,
  farCellXlsx,
  largeJsonl,
  multipartBody,
  sheetXlsx,
  zipOf,
} from '../../apps/server/src/test/hostile-files.ts';
import { measure } from '../../apps/server/src/test/latency-probe.ts';
import { openDemoDatabase, startBenchApp } from '../harness.ts';
import { confirmWhileProbing, probeIdle } from './confirm-probe.ts';

/**
 * npm run bench:imports [-- --rows 200000 --confirm-rows 20000 --engine postgres --url postgres://… --only-confirm]
 *
 * The hostile uploads of issue 9 and a large import, through the real HTTP stack on an embedded
 * database with the demo data, while /api/health is pinged every 10 ms: for each, the time to the
 * answer, the peak RSS growth and the longest health answer (and event-loop stall). Figures, not a
 * test (the tests assert the same on smaller files).
 */
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    'confirm-rows': { type: 'string' },
    engine: { type: 'string', default: 'pglite' },
    /** PostgreSQL: a database the bench may fill (migrated and given the demo data here). */
    url: { type: 'string', default: process.env.DATABASE_URL ?? '' },
    'only-confirm': { type: 'boolean', default: false },
  },
});
const ROWS = Number(values.rows);
/** Rows of the import that is confirmed (default: the same file; writing is ~2 statements a row). */
const CONFIRM_ROWS = Number(values['confirm-rows'] ?? values.rows);

type Line = {
  what: string;
  status: number;
  ms: number;
  rssMb: number;
  maxHealthMs: number;
  maxLoopStallMs: number;
};
const lines: Line[] = [];

async function session(app: FastifyInstance, username: string) {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json()
    .csrfToken;
  return (opts: {
    method: 'POST' | 'GET';
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }) =>
    app.inject({
      ...opts,
      payload: opts.payload as string,
      headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) },
    });
}

const db = await openDemoDatabase(
  values.engine === 'postgres' ? { engine: 'postgres', url: values.url as string } : { engine: 'pglite' },
  { withMfa: false },
);
const app = await startBenchApp(db);
const staff = await session(app, 'jx_staff');
const lead = await session(app, 'jx_lead');
const institute = await session(app, 'sdu_liaison');
const enterprise = await session(app, 'hengxing');
await readUploadedSheets(await sheetXlsx(['a'], 1, () => ['b'])); // the worker warm, as after start

async function run(what: string, fn: () => Promise<{ statusCode: number; body: string }>) {
  global.gc?.();
  const m = await measure(app, fn);
  const { statusCode: status } = m.result;
  const line = {
    what,
    status,
    ms: m.ms,
    rssMb: m.rssMb,
    maxHealthMs: m.maxHealthMs,
    maxLoopStallMs: m.maxLoopStallMs,
  };
  lines.push(line);
  console.log(JSON.stringify({ ...line, answer: m.result.body.slice(0, 160) }));
  return m.result;
}
const upload = (who: typeof staff, url: string, name: string, bytes: Buffer) => () =>
  who({ method: 'POST', url, ...multipartBody(name, bytes) });

if (!values['only-confirm']) await hostileFiles();

const big = values['only-confirm'] ? null : await enterpriseSheet(ROWS, 10);
if (big) {
  console.log(`${ROWS}-row sheet: ${(big.length / 1048576).toFixed(1)} MB`);
  await run(`${ROWS} rows, preview`, upload(staff, '/api/enterprises/import', 'big.xlsx', big));
}
const toConfirm = CONFIRM_ROWS === ROWS && big ? big : await enterpriseSheet(CONFIRM_ROWS, 10);
const preview = await staff({
  method: 'POST',
  url: '/api/enterprises/import',
  ...multipartBody('c.xlsx', toConfirm),
});
const token = JSON.parse(preview.body).token as string;
// The confirm is a background job (one transaction): another user asks health and a list every
// 50 ms until it has ended.
const idle = await probeIdle(lead, '/api/enterprises?pageSize=20', 10_000);
console.log(`${db.engine}: the same probe for 10 s with nothing else running: ${JSON.stringify(idle)}`);
const confirmed = await confirmWhileProbing(
  staff,
  lead,
  '/api/enterprises/import/confirm',
  '/api/enterprises?pageSize=20',
  token,
);
console.log(
  `${db.engine}: confirm of ${CONFIRM_ROWS * 0.9} rows while probing: ${JSON.stringify(confirmed)}`,
);

console.log('\nwhat | status | ms | +RSS MB (peak) | max health ms | max loop stall ms');
for (const l of lines)
  console.log(`${l.what} | ${l.status} | ${l.ms} | ${l.rssMb} | ${l.maxHealthMs} | ${l.maxLoopStallMs}`);
await app.close();
await db.close();

async function hostileFiles() {
  await run('idle (2 s, nothing else running)', async () => {
    await new Promise((r) => setTimeout(r, 2000));
    return { statusCode: 0, body: '' };
  });
  const farEnterprise = await farCellXlsx(['企业名称', '统一社会信用代码']);
  console.log(`far-cell file: ${farEnterprise.length} bytes`);
  await run(
    'far cell → enterprises (staff)',
    upload(staff, '/api/enterprises/import', 'far.xlsx', farEnterprise),
  );
  await run(
    'far cell → ledger (staff)',
    upload(staff, '/api/recruitment/ledger/import', 'far.xlsx', await farCellXlsx(['院所名称', '招引阶段'])),
  );
  await run(
    'far cell → achievements (institute)',
    upload(
      institute,
      '/api/achievements/import',
      'far.xlsx',
      await farCellXlsx(['成果名称', '所属院所', '成果简介']),
    ),
  );
  await run('3 far cells in parallel', async () => {
    const all = await Promise.all(
      [1, 2, 3].map(() => upload(staff, '/api/enterprises/import', 'far.xlsx', farEnterprise)()),
    );
    return { statusCode: all.every((r) => r.statusCode === 400) ? 400 : 0, body: all[0]?.body ?? '' };
  });
  for (const mb of [300, 600]) {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(mb), size: 1024 }]);
    await run(
      `zip bomb ${Math.round(bomb.length / 1024)} KB, ${mb} MB declared as 1 KB`,
      upload(staff, '/api/enterprises/import', 'bomb.xlsx', bomb),
    );
  }
  const jsonl = largeJsonl(49);
  await run(
    '49 MB JSONL, institute (refused)',
    upload(institute, '/api/achievements/import-jsonl', 'c.jsonl', jsonl),
  );
  await run(
    '49 MB JSONL, enterprise (refused)',
    upload(enterprise, '/api/achievements/import-jsonl', 'c.jsonl', jsonl),
  );
}
process.exit(0);
