import { sql } from 'drizzle-orm';
import type { Database, Scope } from '../../apps/server/src/platform/db/database.ts';
import { chinaDay } from '../../apps/server/src/platform/jobs/jobs.ts';
import { type BenchApp, benchArgs, openDemoDatabase, pct, signIn, startBenchApp } from '../harness.ts';

/**
 * npm run bench:concierge [-- --requests 20000 --decisions 2000 --runs 40]
 *
 * One county (embedded PGlite) with `requests` service requests in every stage (a tenth served by
 * the demo helper 王芳, a quarter overdue) and `decisions` round-table decisions; times through the
 * real HTTP stack the helper's "my requests", the leader's overdue requests and overdue decisions
 * (p50/p95, each beside the bare SQL in the same RLS scope), and the lights job over them all.
 */
const values = benchArgs({ requests: '20000', decisions: '2000', runs: '40' });
const REQUESTS = Number(values.requests);
const DECISIONS = Number(values.decisions);
const RUNS = Number(values.runs);
const JX = '370828';

async function seed(db: Database) {
  const o = db.owner;
  await o.execute(sql`
    WITH u AS (SELECT (SELECT id FROM users WHERE username = 'jx_helper') AS helper,
                      (SELECT id FROM users WHERE username = 'jx_lead') AS lead)
    INSERT INTO service_requests (region_code, number, title, description, kind, channel, stage, requester_name,
      helper_id, assigned_by, accept_due_on, resolve_due_on, last_entry_on, idempotency_key, stage_changed_at, created_at)
    SELECT ${JX}, 'SQB-' || g, '基准诉求 ' || g, '基准诉求内容', (ARRAY['policy','land','funding','approvals','talent','equipment'])[1 + g % 6],
      'staff', (ARRAY['submitted','accepted','in_progress','resolved','rated','returned','withdrawn'])[1 + g % 7], '基准企业',
      CASE WHEN g % 10 = 0 THEN u.helper ELSE NULL END, u.lead,
      current_date - (g % 60) + 2, current_date - (g % 60) + 12, current_date - (g % 40), gen_random_uuid(),
      now() - (g % 60) * interval '1 day', now() - (g % 60) * interval '1 day'
    FROM generate_series(1, ${REQUESTS}) g, u`);
  await o.execute(sql`
    WITH m AS (INSERT INTO roundtable_meetings (region_code, title, held_on, place, chair_id, created_at)
               SELECT ${JX}, '基准圆桌会', current_date - 60, '会议室', id, now() FROM users WHERE username = 'jx_leader' RETURNING id),
         i AS (INSERT INTO roundtable_items (region_code, meeting_id, position, title) SELECT ${JX}, m.id, 1, '基准议题' FROM m RETURNING id, meeting_id)
    INSERT INTO roundtable_decisions (region_code, meeting_id, item_id, number, content, owner_department, deadline, stage,
      stage_changed_at, last_entry_on, created_at)
    SELECT ${JX}, i.meeting_id, i.id, g, '基准议定事项 ' || g, '住建局', current_date - (g % 90) + 30,
      (ARRAY['open','proof_submitted','closed','cancelled'])[1 + g % 4], now(), current_date - (g % 50), now()
    FROM generate_series(1, ${DECISIONS}) g, i`);
  await o.execute(sql`ANALYZE`);
}

/** The lights job over every item of the county, in wall and CPU time. */
async function timeLightsJob(app: BenchApp) {
  const job = app.scheduledJobs.find((j) => j.name === 'supervision.lights');
  const t = performance.now();
  // The embedded database runs in this process: its CPU time is the job's work, whatever else
  // the machine is doing (wall time on a shared machine mostly measures the neighbours).
  const cpu = process.cpuUsage();
  const result = await job?.run();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  console.log(
    `\nlights job over every item of the county: ${(ms / 1000).toFixed(2)} s wall, ${cpuS.toFixed(2)} s CPU ${JSON.stringify(result)}   target < 5 s ${ms < 5000 ? 'ok' : 'MISSED'}`,
  );
}

async function main() {
  const db = await openDemoDatabase({ engine: 'pglite' });
  const t0 = performance.now();
  await seed(db);
  console.log(
    `seeded ${REQUESTS} requests and ${DECISIONS} decisions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const app = await startBenchApp(db);
  const helper = await signIn(app, 'jx_helper');
  const leader = await signIn(app, 'jx_leader');
  const today = chinaDay(new Date());
  const scopeOf = (s: { me: { id: string; role: string } }): Scope => ({
    userId: s.me.id,
    role: s.me.role,
    regionCodes: [JX],
  });
  const cases = [
    {
      what: "helper's my requests",
      who: helper,
      url: '/api/concierge/requests?view=mine',
      bare: sql`SELECT r.id FROM service_requests r WHERE r.helper_id = ${helper.me.id} ORDER BY r.created_at DESC, r.id LIMIT 20`,
    },
    {
      what: "leader's overdue requests",
      who: leader,
      url: '/api/concierge/requests?view=overdue',
      bare: sql`SELECT r.id FROM service_requests r WHERE ((r.stage = 'submitted' AND r.accept_due_on < ${today}::date)
        OR (r.stage IN ('accepted', 'in_progress') AND r.resolve_due_on < ${today}::date)) ORDER BY r.resolve_due_on LIMIT 20`,
    },
    {
      what: "leader's overdue decisions",
      who: leader,
      url: '/api/roundtable/decisions?view=overdue',
      bare: sql`SELECT d.id FROM roundtable_decisions d WHERE d.stage IN ('open', 'proof_submitted') AND d.deadline < ${today}::date ORDER BY d.deadline LIMIT 500`,
    },
  ];
  console.log('\nwhat                          app p50   app p95   SQL p50   SQL p95   target');
  for (const c of cases) {
    const app95: number[] = [];
    const sql95: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie: c.who.cookie } });
      if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      app95.push(performance.now() - t);
      t = performance.now();
      await db.transaction(scopeOf(c.who), (tx) => tx.execute(c.bare));
      sql95.push(performance.now() - t);
    }
    const f = (x: number) => `${x.toFixed(1).padStart(6)} ms`;
    console.log(
      `${c.what.padEnd(30)}${f(pct(app95, 50))} ${f(pct(app95, 95))} ${f(pct(sql95, 50))} ${f(pct(sql95, 95))}   p95 < 150 ms ${pct(app95, 95) < 150 ? 'ok' : 'MISSED'}`,
    );
  }
  await timeLightsJob(app);
  await app.close();
  await db.close();
}

await main();
