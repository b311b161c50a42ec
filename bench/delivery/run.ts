import { Agent, request } from 'node:http';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../apps/server/src/platform/db/database.ts';
import { secretPlace } from '../../apps/server/src/platform/notifications/channels/channel-config.ts';
import { robotMarkdown } from '../../apps/server/src/platform/notifications/channels/templates.ts';
import {
  inboxNotifier,
  type NotificationMessage,
} from '../../apps/server/src/platform/notifications/notifier.ts';
import { startReceiver, type Taken, wecomAnswer } from '../../apps/server/src/test/channel-receivers.ts';
import {
  type BenchApp,
  benchArgs,
  type Cluster,
  openDemoDatabase,
  pct,
  startBenchApp,
  startPostgres,
} from '../harness.ts';

/**
 * npm run bench:delivery [-- --messages 10000 --batch 200 --rate 0 --idle 1000 --engine postgres|pglite]
 *
 * Notifications through the transactional outbox to a local WeCom robot (the receiver of the
 * tests, checking each request as WeCom documents it): a producer commits `batch` notifications
 * per transaction (the notifier, as every module calls it; the trigger writes the outbox rows)
 * while two delivery workers — two app instances on one database, each with the loop main.ts runs
 * (`idle` ms between empty rounds) — claim, post and record them. Latency is commit → arrival at
 * the receiver. Beside it, the reference: the same messages posted straight to the same receiver
 * from the producer, synchronously, with a keep-alive agent and the same concurrency (two workers
 * × 50 per batch), no database. `--rate` offers the messages at that many per second (batches of
 * `batch` in the outbox run, one by one in the reference); 0 puts them all in at once (a backlog:
 * latency is then mostly waiting in the queue). Then the rows: delivered once, nothing lost or doubled.
 */
const args = benchArgs({ messages: '10000', batch: '200', idle: '1000', rate: '0', engine: 'postgres' });
const N = Number(args.messages);
const BATCH = Number(args.batch);
const CONCURRENCY = 2 * 50;
const KEY = 'bench-robot';
/** Messages per second offered (0: as fast as the producer goes, i.e. a backlog from the start). */
const RATE = Number(args.rate);
/** Waits until message `i` is due under --rate. */
const due = async (started: number, i: number) => {
  const wait = RATE > 0 ? started + (i / RATE) * 1000 - performance.now() : 0;
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
};

const arrivals = new Map<string, number>();
const robot = await startReceiver((t: Taken) => {
  const answer = wecomAnswer(KEY)(t);
  const title = /bench-(?:ref|out) \d+/.exec(t.body)?.[0];
  if (title) {
    if (arrivals.has(title)) arrivals.set(`${title}#dup${arrivals.size}`, performance.now());
    else arrivals.set(title, performance.now());
  }
  return answer;
});
const endpoint = `${robot.url}/cgi-bin/webhook/send`;

function summary(label: string, produced: Map<string, number>, prefix: string, started: number) {
  const lat: number[] = [];
  let last = started;
  for (const [title, at] of produced) {
    const got = arrivals.get(title);
    if (got === undefined) continue;
    lat.push(got - at);
    last = Math.max(last, got);
  }
  const dups = [...arrivals.keys()].filter((k) => k.startsWith(prefix) && k.includes('#dup')).length;
  const seconds = (last - started) / 1000;
  console.log(
    `${label.padEnd(34)} ${String(lat.length).padStart(7)} arrived  ${(lat.length / seconds).toFixed(0).padStart(6)} msg/s  ` +
      `p50 ${pct(lat, 50).toFixed(0).padStart(6)} ms  p95 ${pct(lat, 95).toFixed(0).padStart(6)} ms  ` +
      `(${seconds.toFixed(1)} s, ${dups} doubled, ${produced.size - lat.length} missing)`,
  );
}

/** The reference: each message posted at once by the producer, 100 in flight, keep-alive sockets. */
async function reference() {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(`${endpoint}?key=${KEY}`);
  const post = (title: string) =>
    new Promise<void>((resolve, reject) => {
      const content = robotMarkdown({
        lang: 'zh',
        title,
        body: '超期',
        url: 'http://localhost:3000/recruitment/1',
        mark: '【高地】',
        open: '查看详情',
      });
      const body = JSON.stringify({ msgtype: 'markdown', markdown: { content } });
      const req = request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const produced = new Map<string, number>();
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < N) {
      const i = next++;
      await due(started, i);
      const title = `bench-ref ${i}`;
      produced.set(title, performance.now());
      await post(title);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  agent.destroy();
  summary('reference: direct HTTP, keep-alive', produced, 'bench-ref', started);
}

async function outbox(apps: BenchApp[], recipients: { id: string; region_code: string }[]) {
  const produced = new Map<string, number>();
  for (const app of apps) app.deliveries.start({ error: (o, m) => console.error(m, o) }, Number(args.idle));
  const started = performance.now();
  for (let i = 0; i < N; i += BATCH) {
    await due(started, i);
    const titles: string[] = [];
    const messages: NotificationMessage[] = [];
    for (let j = i; j < Math.min(N, i + BATCH); j++) {
      const u = recipients[j % recipients.length] as { id: string; region_code: string };
      titles.push(`bench-out ${j}`);
      messages.push({
        regionCode: u.region_code,
        userId: u.id,
        kind: 'project.helper',
        title: `bench-out ${j}`,
        body: '超期',
        link: '/recruitment/1',
      });
    }
    await db.owner.transaction((tx) => inboxNotifier.send(tx, messages, new Date()));
    const committed = performance.now();
    for (const t of titles) produced.set(t, committed);
  }
  const deadline = performance.now() + 600_000;
  while (performance.now() < deadline) {
    const [left] = rowsOf<{ n: number }>(
      await db.owner.execute(sql`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`),
    );
    if (left?.n === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const app of apps) await app.deliveries.stop();
  summary(`outbox: 2 workers, idle ${args.idle} ms`, produced, 'bench-out', started);
  const states = rowsOf<{ status: string; n: number }>(
    await db.owner.execute(sql`SELECT status, count(*)::int AS n FROM outbox WHERE kind = 'project.helper'
      AND payload->>'title' LIKE 'bench-out %' GROUP BY status`),
  );
  console.log(`outbox rows: ${states.map((s) => `${s.status} ${s.n}`).join(', ')}`);
}

let cluster: Cluster | null = null;
if (args.engine === 'postgres') {
  cluster = await startPostgres();
  if (!cluster) console.log('no PostgreSQL binaries: PGlite instead');
}
const db = await openDemoDatabase(
  cluster ? { engine: 'postgres', url: cluster.url, poolSize: 10 } : { engine: 'pglite' },
  { withMfa: false },
);
const apps = [await startBenchApp(db), await startBenchApp(db)];
try {
  const box = apps[0]?.dataBox;
  const envelope = box?.encrypt(JSON.stringify({ key: KEY }), secretPlace('370828', 'wecom'));
  await db.owner.execute(sql`INSERT INTO notification_channels (region_code, channel, settings, secret, enabled, updated_at)
    VALUES ('370828', 'wecom', ${JSON.stringify({ endpoint })}::jsonb, ${envelope}, true, now())
    ON CONFLICT (region_code, channel) DO UPDATE SET settings = excluded.settings, secret = excluded.secret, enabled = true`);
  const recipients = rowsOf<{ id: string; region_code: string }>(
    await db.owner.execute(sql`SELECT id, region_code FROM users WHERE region_code = '370828' AND NOT is_disabled
      AND role IN ('staff', 'leader', 'helper', 'taskforce_lead') ORDER BY username`),
  );
  console.log(
    `${N} messages in transactions of ${BATCH}, ${RATE > 0 ? `${RATE}/s offered` : 'all at once'}, ${recipients.length} recipients, WeCom robot on loopback, ` +
      `${cluster ? `PostgreSQL ${cluster.version}` : 'PGlite'}`,
  );
  await reference();
  await outbox(apps, recipients);
  console.log(`receiver refused ${robot.refused.length} requests`);
} finally {
  for (const app of apps) await app.close();
  await db.close();
  cluster?.stop();
  await robot.close();
}
