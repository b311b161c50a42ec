import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type ApiClient, signIn } from '../../apps/server/src/test/reliability/api-client.ts';
import { freePort, startServer, type Target } from '../../apps/server/src/test/reliability/server-process.ts';
// @ts-expect-error plain .mjs helper without types
import { startCluster } from '../../scripts/pg-cluster.mjs';

/**
 * npm run bench:load [-- --users 50 --seconds 60 --engine both|pglite|postgres]
 *
 * The real server as a child process on loopback, `users` simulated users (bureau staff, task-force
 * leads, helpers: sessions of the demo accounts) each in a loop with no think time: 70 % list reads
 * (enterprises, institutes, recruitment records, needs, projects), 20 % searches, 10 % writes
 * (an institute; helpers read instead). Bounded by `seconds`; prints req/s, p50/p95/p99 and errors per engine.
 */
const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    engine: { type: 'string', default: 'both' },
  },
});
const USERS = Number(values.users);
const SECONDS = Number(values.seconds);
const LISTS = [
  '/api/enterprises',
  '/api/institutes',
  '/api/recruitment/records',
  '/api/needs',
  '/api/projects',
];
const SEARCHES = ['/api/enterprises?q=', '/api/institutes?q=', '/api/needs?q='];
const WORDS = ['科技', '研究', 'keji', 'zn', '材料', '智能'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;
const pct = (xs: number[], p: number) =>
  xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? 0;

/** Staff and task-force leads (even-numbered accounts below) also write; helpers only read. */
async function user(client: ApiClient, n: number, until: number, times: number[], errors: string[]) {
  const writes = n % 4 < 2;
  for (let i = 0; Date.now() < until; i++) {
    const r = Math.random();
    const t0 = performance.now();
    const res =
      r < 0.7 || (!writes && r >= 0.9)
        ? await client.get(pick(LISTS))
        : r < 0.9
          ? await client.get(`${pick(SEARCHES)}${encodeURIComponent(pick(WORDS))}`)
          : await client.send('POST', '/api/institutes', {
              name: `压测院所${n}-${i}`,
              kind: 'research',
              level: 'provincial',
            });
    times.push(performance.now() - t0);
    if (res.status !== 200) errors.push(`${res.status}`);
  }
}

async function run(target: Target, work: string) {
  const server = startServer(target, await freePort(), join(work, `server-${target.engine}.log`), {
    GAODI_LOGIN_RATE_LIMIT: '100000',
  });
  try {
    await server.ready();
    const accounts = ['jx_staff', 'jx_lead', 'jx_helper', 'jx_sunhao'];
    const clients: ApiClient[] = [];
    for (let n = 0; n < USERS; n++)
      clients.push(await signIn(server.base, accounts[n % accounts.length] as string));
    const times: number[] = [];
    const errors: string[] = [];
    const started = Date.now();
    await Promise.all(clients.map((c, n) => user(c, n, started + SECONDS * 1000, times, errors)));
    const seconds = (Date.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `${target.engine}: ${USERS} users, ${seconds.toFixed(0)} s, ${times.length} requests, ${(times.length / seconds).toFixed(1)} req/s, ` +
        `p50 ${pct(times, 50).toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, p99 ${pct(times, 99).toFixed(0)} ms, ${errors.length} errors` +
        (errors.length ? ` (${[...new Set(errors)].join(', ')})` : ''),
    );
  } finally {
    await server.stop();
  }
}

const work = mkdtempSync(join(tmpdir(), 'gaodi-load-'));
try {
  if (values.engine !== 'postgres') {
    mkdirSync(join(work, 'pglite'));
    await run({ engine: 'pglite', dataDir: join(work, 'pglite') }, work);
  }
  if (values.engine !== 'pglite') {
    const cluster = await startCluster({ durable: true });
    try {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE ROLE gaodi_owner LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS');
      await admin.query('CREATE DATABASE gaodi_load OWNER gaodi_owner');
      await admin.end();
      const url = cluster.url.replace('postgres@', 'gaodi_owner@').replace(/\/postgres$/, '/gaodi_load');
      await run({ engine: 'postgres', url, dataDir: join(work, 'pg-files') }, work);
    } finally {
      cluster.stop();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
