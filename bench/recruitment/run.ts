import { sql } from 'drizzle-orm';
import {
  LEDGER_RECORDS_SQL,
  ledgerEntriesSql,
  monthRange,
  recruitmentSupervisedItems,
} from '../../apps/server/src/modules/recruitment/index.ts';
import { type Database, rowsOf, type Scope } from '../../apps/server/src/platform/db/database.ts';
import { chinaDay } from '../../apps/server/src/platform/jobs/jobs.ts';
import {
  type BenchApp,
  benchArgs,
  type Cluster,
  openDemoDatabase,
  pct,
  signIn,
  startBenchApp,
  startPostgres,
  time,
} from '../harness.ts';

/**
 * npm run bench:recruitment [-- --records 2000 --entries 200000 --engines pglite,postgres --runs 60]
 *
 * Seeds one county with `records` recruitment records and `entries` ledger entries (set-based
 * INSERT … SELECT over generate_series), then times through the real HTTP stack: the list and
 * the board grouped by stage, grade, light and owner (p50/p95), the lights job for the county, the month's ledger export. Each figure is
 * printed beside the bare SQL the endpoint runs (same transaction scope, so RLS included), so the
 * ratio is the application's own overhead. Figures, not a test.
 */
const values = benchArgs({ records: '2000', entries: '200000', engines: 'pglite,postgres', runs: '60' });
const RECORDS = Number(values.records);
const ENTRIES = Number(values.entries);
const RUNS = Number(values.runs);
const JX = '370828';
const MONTH = chinaDay(new Date()).slice(0, 7);

type Row = { what: string; target: string; appMs: number; sqlMs: number; p95?: boolean };

async function seed(db: Database) {
  const o = db.owner;
  const started = performance.now();
  const perRecord = Math.ceil(ENTRIES / RECORDS);
  await o.execute(sql`
    INSERT INTO institutes (region_code, name, search_text, kind, level, city)
    SELECT ${JX}, '基准研究院' || lpad(g::text, 5, '0'), 'jizhunyanjiuyuan' || g, 'research', 'provincial', '济南'
    FROM generate_series(1, ${RECORDS}) g ON CONFLICT DO NOTHING`);
  await o.execute(sql`
    WITH people AS (
      SELECT (SELECT id FROM users WHERE username = 'jx_staff') AS staff, (SELECT id FROM users WHERE username = 'jx_lead') AS lead
    ), inds AS (SELECT array_agg(id ORDER BY code) AS ids FROM industries WHERE region_code = ${JX}),
    inst AS (SELECT id, row_number() OVER (ORDER BY name) AS rn FROM institutes WHERE region_code = ${JX} AND name LIKE '基准研究院%')
    INSERT INTO recruitment_records (region_code, institute_id, grade, stage, cooperation_mode, industry_id, owner_id,
      task_force_lead_id, task_force_member_ids, is_green_channel, stage_changed_at, created_at, updated_at, signed_on)
    SELECT ${JX}, inst.id, (ARRAY['A','B','C'])[1 + inst.rn % 3],
      (ARRAY['lead','contacted','negotiating','signed','landed','operating','shelved','dropped'])[1 + inst.rn % 8],
      '技术合作', inds.ids[1 + inst.rn % array_length(inds.ids, 1)],
      CASE WHEN inst.rn % 2 = 0 THEN people.staff ELSE people.lead END, people.lead, ARRAY[people.lead, people.staff],
      inst.rn % 10 = 0, now() - (inst.rn % 300) * interval '1 day', now() - interval '330 days', now() - (inst.rn % 300) * interval '1 hour',
      CASE WHEN inst.rn % 8 BETWEEN 3 AND 5 THEN date '2026-01-01' + (inst.rn % 300)::int END
    FROM inst, people, inds
    ON CONFLICT DO NOTHING`);
  await o.execute(sql`
    INSERT INTO recruitment_entries (region_code, record_id, entry_on, kind, participants, content, result, next_step, next_date, author_name, created_at)
    SELECT ${JX}, r.id, date '2026-01-01' + ((g * 37 + r.rn * 11) % 330)::int,
      (ARRAY['visit','reception','meeting','call','signing','other'])[1 + g % 6], '张敏、李强',
      '基准台账：第' || g || '次对接，商谈合作方向与下一步安排', CASE WHEN g % 3 = 0 THEN '达成初步意向' ELSE '' END,
      '继续跟进', date '2026-01-01' + ((g * 37 + r.rn * 11) % 330)::int + 20, '张敏', now() - interval '30 days'
    FROM (SELECT r.id, row_number() OVER (ORDER BY r.id) AS rn FROM recruitment_records r
          JOIN institutes i ON i.id = r.institute_id WHERE i.name LIKE '基准研究院%') r,
         generate_series(1, ${perRecord}) g`);
  await o.execute(sql`
    UPDATE recruitment_records r SET last_entry_on = e.entry_on, next_step = e.next_step, next_date = e.next_date
    FROM (SELECT DISTINCT ON (record_id) record_id, entry_on, next_step, next_date FROM recruitment_entries
          ORDER BY record_id, entry_on DESC, created_at DESC) e
    WHERE e.record_id = r.id`);
  await o.execute(sql`
    INSERT INTO recruitment_milestones (region_code, record_id, title, due_on, created_at)
    SELECT ${JX}, r.id, '阶段节点', date '2026-06-01' + (row_number() OVER (ORDER BY r.id) % 240)::int, now()
    FROM recruitment_records r WHERE r.region_code = ${JX}`);
  await o.execute(sql`ANALYZE`);
  const [counts] = rowsOf<{ records: number; entries: number }>(
    await o.execute(sql`SELECT (SELECT count(*)::int FROM recruitment_records WHERE region_code = ${JX}) AS records,
                               (SELECT count(*)::int FROM recruitment_entries WHERE region_code = ${JX}) AS entries`),
  );
  return { ...counts, ms: performance.now() - started };
}

/** What every figure of one engine needs: the app, the staff user's GET, bare SQL in its scope. */
type Bench = {
  db: Database;
  app: BenchApp;
  get: Awaited<ReturnType<typeof signIn>>['get'];
  bare: (q: ReturnType<typeof sql>) => Promise<unknown[]>;
  day: string;
};

const summarySql = (
  day: string,
  where: ReturnType<typeof sql>,
  order: ReturnType<typeof sql>,
  limit: number | null,
) => sql`
    SELECT r.*, i.name, ind.name AS industry, o.display_name, l.light, l.reasons, l.since,
      (SELECT count(*)::int FROM recruitment_milestones m WHERE m.record_id = r.id AND m.done_on IS NULL AND m.due_on < ${day}::date) AS overdue
    FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id
    LEFT JOIN industries ind ON ind.id = r.industry_id LEFT JOIN users o ON o.id = r.owner_id
    LEFT JOIN supervision_lights l ON l.item_type = 'recruitment' AND l.item_id = r.id
    WHERE ${where} ORDER BY ${order} ${limit ? sql`LIMIT ${limit}` : sql``}`;
const countSql = (where: ReturnType<typeof sql>) => sql`
    SELECT count(*)::int FROM recruitment_records r JOIN institutes i ON i.id = r.institute_id
    LEFT JOIN supervision_lights l ON l.item_type = 'recruitment' AND l.item_id = r.id WHERE ${where}`;

/** The lights job first (so list and board show computed lights), then again on a day already done. */
async function timeLightsJob({ db, app }: Bench, engine: string) {
  await db.owner.execute(sql`DELETE FROM job_runs`);
  const job = app.scheduledJobs.find((j) => j.name === 'supervision.lights');
  const [jobMs, jobResult] = await time(() => job?.run() ?? Promise.resolve(null));
  const [jobSqlMs] = await time(() =>
    db.owner.transaction((tx) => recruitmentSupervisedItems.listItems(tx, { regionCode: JX })),
  );
  console.log(`[${engine}] lights job: ${JSON.stringify(jobResult)}`);
  // A second run on a day already done: the cost of the once-per-period guard.
  await db.owner.execute(sql`DELETE FROM job_runs`);
  const [jobSteadyMs] = await time(() => job?.run() ?? Promise.resolve(null));
  return [
    { what: 'lights job (county, first run)', target: '< 5000 ms', appMs: jobMs, sqlMs: jobSqlMs },
    { what: 'lights job (rerun, nothing new)', target: '< 5000 ms', appMs: jobSteadyMs, sqlMs: jobSqlMs },
  ];
}

/** The list, filtered and sorted four ways in turn. */
async function timeLists({ get, bare, day }: Bench): Promise<Row[]> {
  const lists: { url: string; where: ReturnType<typeof sql>; order: ReturnType<typeof sql> }[] = [
    { url: '/api/recruitment/records?pageSize=20', where: sql`true`, order: sql`r.updated_at DESC, r.id` },
    {
      url: '/api/recruitment/records?pageSize=20&stage=negotiating&sort=lastEntryOn',
      where: sql`r.stage = 'negotiating'`,
      order: sql`r.last_entry_on DESC NULLS LAST, r.id`,
    },
    {
      url: '/api/recruitment/records?pageSize=20&light=red&sort=institute&order=asc',
      where: sql`coalesce(l.light, 'none') = 'red'`,
      order: sql`i.name ASC, r.id`,
    },
    {
      url: '/api/recruitment/records?pageSize=20&isOverdue=true&grade=A',
      where: sql`r.grade = 'A' AND (r.next_date < ${day}::date OR (SELECT count(*) FROM recruitment_milestones m WHERE m.record_id = r.id AND m.done_on IS NULL AND m.due_on < ${day}::date) > 0)`,
      order: sql`r.updated_at DESC, r.id`,
    },
  ];
  const listApp: number[] = [];
  const listSql: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const l = lists[i % lists.length];
    if (!l) continue;
    listApp.push((await time(() => get(l.url)))[0]);
    listSql.push(
      (
        await time(async () => [
          await bare(summarySql(day, l.where, l.order, 20)),
          await bare(countSql(l.where)),
        ])
      )[0],
    );
  }
  return [
    { what: 'list p95', target: '< 150 ms', appMs: pct(listApp, 95), sqlMs: pct(listSql, 95), p95: true },
    { what: 'list p50', target: '', appMs: pct(listApp, 50), sqlMs: pct(listSql, 50) },
  ];
}

/** The board per grouping: the same window query, partitioned by the grouping's expression. */
async function timeBoards({ get, bare, day }: Bench): Promise<Row[]> {
  const groupings = [
    ['stage', sql`r.stage`],
    ['grade', sql`r.grade`],
    ['light', sql`coalesce(l.light, 'none')`],
    ['owner', sql`coalesce(r.owner_id::text, '')`],
  ] as const;
  const rows: Row[] = [];
  for (const [groupBy, key] of groupings) {
    const figures = { app: [] as number[], sql: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      figures.app.push((await time(() => get(`/api/recruitment/board?groupBy=${groupBy}`)))[0]);
      figures.sql.push(
        (
          await time(async () => {
            const top = await bare(sql`
              SELECT id FROM (SELECT r.id, row_number() OVER (PARTITION BY ${key} ORDER BY
                CASE l.light WHEN 'red' THEN 3 WHEN 'yellow' THEN 2 WHEN 'green' THEN 1 ELSE 0 END DESC, r.updated_at, r.id) AS rn,
                count(*) OVER (PARTITION BY ${key}) AS total
                FROM recruitment_records r LEFT JOIN supervision_lights l ON l.item_type = 'recruitment' AND l.item_id = r.id) x
              WHERE rn <= 40`);
            const ids = (top as { id: string }[]).map((t) => sql`${t.id}::uuid`);
            return bare(summarySql(day, sql`r.id IN (${sql.join(ids, sql`, `)})`, sql`r.updated_at`, null));
          })
        )[0],
      );
    }
    const by = groupBy === 'stage' ? '' : ` (by ${groupBy})`;
    rows.push(
      {
        what: `board p95${by}`,
        target: '< 150 ms',
        appMs: pct(figures.app, 95),
        sqlMs: pct(figures.sql, 95),
        p95: true,
      },
      { what: `board p50${by}`, target: '', appMs: pct(figures.app, 50), sqlMs: pct(figures.sql, 50) },
    );
  }
  return rows;
}

/** The month's ledger export beside reading its rows. */
async function timeExport({ get, bare }: Bench, engine: string): Promise<Row> {
  const { from, to } = monthRange(MONTH);
  const [exportMs, exportRes] = await time(() => get(`/api/recruitment/ledger.xlsx?month=${MONTH}`));
  const [exportSqlMs, monthRows] = await time(async () => {
    const records = await bare(LEDGER_RECORDS_SQL);
    const entries = await bare(ledgerEntriesSql(from, to));
    return records.length + entries.length;
  });
  console.log(
    `[${engine}] export ${MONTH}: ${(exportRes.rawPayload.length / 1024 / 1024).toFixed(1)} MB, ${monthRows} rows read`,
  );
  return { what: `month ledger export ${MONTH}`, target: '< 10000 ms', appMs: exportMs, sqlMs: exportSqlMs };
}

async function benchEngine(engine: 'pglite' | 'postgres', url?: string): Promise<Row[]> {
  const db = await openDemoDatabase(
    engine === 'pglite' ? { engine } : { engine, url: url ?? '', poolSize: 10 },
    { withMfa: false },
  );
  const seeded = await seed(db);
  console.log(
    `\n[${engine}] seeded ${seeded.records} records and ${seeded.entries} entries in ${(seeded.ms / 1000).toFixed(1)} s`,
  );
  const app = await startBenchApp(db);
  const { me, get } = await signIn(app, 'jx_staff');
  const scope: Scope = { userId: me.id, role: 'staff', regionCodes: [JX] };
  const bare = (q: ReturnType<typeof sql>) =>
    db.transaction(scope, async (tx) => rowsOf(await tx.execute(q)));
  const bench: Bench = { db, app, get, bare, day: chinaDay(new Date()) };
  const lights = await timeLightsJob(bench, engine);
  const lists = await timeLists(bench);
  const boards = await timeBoards(bench);
  const ledger = await timeExport(bench, engine);
  await app.close();
  await db.close();
  return [...lists, ...boards, ...lights, ledger];
}

const engines = values.engines.split(',');
const results: Record<string, Row[]> = {};
let cluster: Cluster | null = null;
try {
  if (engines.includes('pglite')) results.pglite = await benchEngine('pglite');
  if (engines.includes('postgres')) {
    const url = process.env.GAODI_BENCH_PG_URL;
    if (!url) cluster = await startPostgres();
    const pgUrl = url ?? cluster?.url;
    if (pgUrl) results.postgres = await benchEngine('postgres', pgUrl);
    else console.log('\n[postgres] skipped: no PostgreSQL binaries found and GAODI_BENCH_PG_URL not set');
  }
} finally {
  cluster?.stop();
}

console.log(
  `\nRecruitment bench: ${RECORDS} records, ${ENTRIES} ledger entries in one county (${JX}); ${RUNS} requests per figure\n`,
);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
console.log(
  `${pad('engine', 10)}${pad('figure', 34)}${pad('target', 12)}${pad('endpoint ms', 13)}${pad('bare SQL ms', 13)}ratio`,
);
for (const [engine, rows] of Object.entries(results)) {
  for (const r of rows) {
    const limit = Number(r.target.replace(/\D/g, ''));
    const mark = r.target ? (r.appMs < limit ? ' ✓' : ' ✗') : '';
    console.log(
      `${pad(engine, 10)}${pad(r.what, 34)}${pad(r.target, 12)}${pad(r.appMs.toFixed(1) + mark, 13)}${pad(r.sqlMs.toFixed(1), 13)}${(r.appMs / Math.max(r.sqlMs, 0.01)).toFixed(1)}×`,
    );
  }
}
