// npm run bench:keys [-- --rows 20000 --batch 500 --engine both]: data key rotation at scale.
// Generates `rows` talents with a phone and an ID number under key v1 (2 values each), adds key
// v2 and re-encrypts everything (platform/crypto/rekey.ts) while a user reads a talent every 50 ms;
// prints values/s and the reader's p95/max. PGlite in memory and a throwaway PostgreSQL cluster.
import { sql } from 'drizzle-orm';
import { ENCRYPTED_COLUMNS } from '../../apps/server/src/encrypted-columns.ts';
import { systemClock } from '../../apps/server/src/platform/clock.ts';
import {
  countKeyVersions,
  keyringOf,
  rotateToCurrentKey,
} from '../../apps/server/src/platform/crypto/index.ts';
import { type Database, rowsOf } from '../../apps/server/src/platform/db/database.ts';
import { benchArgs, openDemoDatabase, pct, signIn, startBenchApp, startPostgres } from '../harness.ts';

const args = benchArgs({ rows: '20000', batch: '200', engine: 'both' });
const rows = Number(args.rows);

async function bench(db: Database, label: string) {
  const app = await startBenchApp(db);
  const staff = await signIn(app, 'jx_staff');
  const enterpriseId = rowsOf<{ id: string }>(
    await db.owner.execute(sql`SELECT id FROM enterprises WHERE name = '山东衡兴新材料有限公司'`),
  )[0]?.id;
  const created = await app.inject({
    method: 'POST',
    url: '/api/talents',
    headers: staff.headers,
    payload: {
      name: '王振华',
      gender: 'male',
      degree: 'phd',
      employerKind: 'enterprise',
      enterpriseId,
      mode: 'cultivation',
      phone: '13812345678',
      idNumber: '370828199001011234',
    },
  });
  const id = created.json().id as string;
  const t0 = performance.now();
  await db.owner.execute(sql`INSERT INTO talents
    SELECT (jsonb_populate_record(NULL::talents, to_jsonb(x) || jsonb_build_object('id', gen_random_uuid(),
      'name', x.name || n, 'id_number_hash', NULL, 'owner_id', NULL))).*
    FROM talents x, generate_series(1, ${rows}) n WHERE x.id = ${id}`);
  const values = (await countKeyVersions(db.owner, ENCRYPTED_COLUMNS)).total['1'] ?? 0;
  console.log(
    `${label}: ${values} values under v1 generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const idle: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = performance.now();
    await staff.get(`/api/talents/${id}`);
    idle.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 50));
  }
  app.dataBox.adopt(
    keyringOf(
      new Map([
        [1, Buffer.alloc(32, 0x47)],
        [2, Buffer.alloc(32, 0x22)],
      ]),
      { source: 'development' },
    ),
  );
  const latencies: number[] = [];
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const s = performance.now();
      await staff.get(`/api/talents/${id}`);
      latencies.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const cpu0 = process.cpuUsage();
  const report = await rotateToCurrentKey({
    db,
    box: app.dataBox,
    clock: systemClock,
    columns: ENCRYPTED_COLUMNS,
    batchSize: Number(args.batch),
  });
  const cpu = process.cpuUsage(cpu0);
  reading = false;
  await reader;
  const after = (await countKeyVersions(db.owner, ENCRYPTED_COLUMNS)).total;
  console.log(
    `${label}: re-encrypted ${report.rekeyed} values in ${report.batches} batches of ≤ ${args.batch}, ` +
      `${report.seconds} s = ${Math.round(report.rekeyed / report.seconds)} values/s ` +
      `(process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); after: ${JSON.stringify(after)}; ` +
      `reader during rotation: ${latencies.length} reads, p95 ${pct(latencies, 95).toFixed(0)} ms, ` +
      `max ${Math.max(...latencies).toFixed(0)} ms (before it: p95 ${pct(idle, 95).toFixed(0)}, max ${Math.max(...idle).toFixed(0)} ms)`,
  );
  await app.close();
}

if (args.engine !== 'postgres') {
  const db = await openDemoDatabase({ engine: 'pglite' });
  await bench(db, 'PGlite');
  await db.close();
}
if (args.engine !== 'pglite') {
  const cluster = await startPostgres();
  if (!cluster) console.log('PostgreSQL: no binaries, skipped');
  else {
    try {
      const db = await openDemoDatabase({ engine: 'postgres', url: cluster.url });
      await bench(db, `PostgreSQL ${cluster.version}`);
      await db.close();
    } finally {
      cluster.stop();
    }
  }
}
