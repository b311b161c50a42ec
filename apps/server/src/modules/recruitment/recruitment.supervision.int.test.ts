import type { Recruitment, RecruitmentBoard, RecruitmentPage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Database, openDatabase, rowsOf } from '../../platform/db/database.ts';
import { createMemoryStorage } from '../../platform/storage/storage.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { createRecord } from './recruitment.fixtures.ts';

const START = new Date('2026-11-29T02:00:00Z');

async function countRows(db: Database, query: ReturnType<typeof sql>) {
  return rowsOf<{ n: number }>(await db.owner.execute(query))[0]?.n ?? 0;
}

describe('lights over time (the scheduled job with a manual clock)', () => {
  let t: TestApp;
  let staff: Session;
  let normal: Recruitment;
  let green: Recruitment;
  beforeAll(async () => {
    t = await createTestApp({ start: START });
    staff = await t.login('jx_staff');
    normal = await createRecord(staff);
    green = await createRecord(staff, { isGreenChannel: true });
  });
  afterAll(() => t.close());

  const runOn = async (day: number) => {
    t.clock.set(new Date(START.getTime() + day * 86_400_000));
    const job = t.app.scheduledJobs.find((j) => j.name === 'supervision.lights');
    const result = await job?.run();
    staff = await t.login('jx_staff');
    return result;
  };
  const lightOf = async (id: string) =>
    ((await staff.get(`/api/recruitment/records/${id}`)).json() as Recruitment).light;
  const escalations = (id: string, level: string) =>
    countRows(
      t.db,
      sql`SELECT count(*)::int AS n FROM supervision_escalations WHERE item_id = ${id}::uuid AND level = ${level}`,
    );
  const inbox = (id: string, kind: string) =>
    countRows(
      t.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE link = ${`/recruitment/${id}`} AND kind = ${kind}`,
    );

  it('a new record is green at once, in the list, the board and the detail', async () => {
    expect((await lightOf(normal.id)).light).toBe('green');
    const list = (
      await staff.get(`/api/recruitment/records?q=${encodeURIComponent(normal.instituteName)}`)
    ).json() as RecruitmentPage;
    expect(list.items[0]?.light.light).toBe('green');
    const board = (await staff.get('/api/recruitment/board?perColumn=500')).json() as RecruitmentBoard;
    const card = board.columns.find((c) => c.key === 'lead')?.items.find((i) => i.id === normal.id);
    expect(card?.light.light).toBe('green');
  });

  it.each([
    [14, 'green', 'green'],
    [15, 'green', 'yellow'],
    [29, 'green', 'yellow'],
    [30, 'yellow', 'red'],
    [59, 'yellow', 'red'],
    [60, 'red', 'red'],
  ])('day %i without a ledger entry: normal %s, green channel %s', async (day, normalLight, greenLight) => {
    await runOn(day);
    const n = await lightOf(normal.id);
    expect(n.light).toBe(normalLight);
    if (normalLight !== 'green') expect(n.reasons[0]).toMatchObject({ code: 'no_activity', days: day });
    expect((await lightOf(green.id)).light).toBe(greenLight);
  });

  it('escalated each rung once: owner at yellow, lead at red, and kept a light history', async () => {
    expect(await escalations(normal.id, 'owner')).toBe(1);
    expect(await escalations(normal.id, 'lead')).toBe(1);
    expect(await escalations(normal.id, 'leader')).toBe(0);
    expect(await inbox(normal.id, 'supervision.owner')).toBe(1);
    // red goes to the task-force lead with the owner copied
    expect(await inbox(normal.id, 'supervision.lead')).toBe(2);
    const detail = (await staff.get(`/api/recruitment/records/${normal.id}`)).json() as Recruitment;
    expect(detail.lightHistory.map((h) => h.light)).toEqual(['red', 'yellow', 'green']);
  });

  it('runs once per day: a second run the same day skips the region', async () => {
    const again = (await runOn(60)) as { skipped: number; regions: number };
    expect(again.regions).toBe(0);
    expect(again.skipped).toBeGreaterThan(0);
  });

  it('tells the region’s leaders and proposes a round-table item only after more than 14 red days', async () => {
    await runOn(74);
    expect(await escalations(normal.id, 'leader')).toBe(0);
    await runOn(75);
    expect(await escalations(normal.id, 'leader')).toBe(1);
    const leader = await t.login('jx_leader');
    const items = (await leader.get('/api/notifications?isUnread=true&pageSize=100')).json().items as {
      link: string;
      kind: string;
    }[];
    expect(
      items.filter((i) => i.link === `/recruitment/${normal.id}` && i.kind === 'supervision.leader'),
    ).toHaveLength(1);
    const proposals = (await leader.get('/api/supervision/proposals')).json() as { itemId: string }[];
    expect(proposals.filter((p) => p.itemId === normal.id)).toHaveLength(1);
    await runOn(76);
    expect(await escalations(normal.id, 'leader')).toBe(1);
  });

  it('a ledger entry turns the light green again at once; the inbox counts and marks read', async () => {
    const res = await staff.post(`/api/recruitment/records/${normal.id}/entries`, {
      entryOn: '2027-02-12',
      kind: 'call',
      content: '电话沟通合作进展',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Recruitment).light.light).toBe('green');
    const unread = (await staff.get('/api/notifications/unread-count')).json().unread as number;
    expect(unread).toBeGreaterThan(0);
    const first = (await staff.get('/api/notifications?pageSize=1')).json().items[0] as { id: string };
    expect((await staff.post(`/api/notifications/${first.id}/read`)).json().readAt).not.toBeNull();
    expect((await staff.get('/api/notifications/unread-count')).json().unread).toBe(unread - 1);
    // nobody reads another person's inbox
    const leader = await t.login('jx_leader');
    expect((await leader.post(`/api/notifications/${first.id}/read`)).statusCode).toBe(404);
  });

  it('milestones: overdue is yellow the day after the due day, red 15 days past', async () => {
    t.clock.set(START);
    staff = await t.login('jx_staff');
    const r = await createRecord(staff);
    const add = await staff.post(`/api/recruitment/records/${r.id}/milestones`, {
      title: '签订框架协议',
      dueOn: '2026-12-01',
    });
    expect(add.statusCode, add.body).toBe(200);
    await runOn(2); // 12-01: due today
    expect((await lightOf(r.id)).light).toBe('green');
    await runOn(3);
    expect((await lightOf(r.id)).reasons.map((x) => `${x.code}:${x.light}`)).toEqual([
      'milestone_overdue:yellow',
    ]);
    await runOn(16); // 12-15: 14 days past due
    expect((await lightOf(r.id)).light).toBe('yellow');
    await runOn(17);
    expect((await lightOf(r.id)).light).toBe('red');
  });

  it('a region’s own rules apply, set only by the system administrator', async () => {
    const rules = {
      noActivityYellowDays: 10,
      noActivityRedDays: 20,
      milestoneRedDaysOverdue: 5,
      isNextDatePassedYellow: true,
      greenChannelPercent: 50,
      leaderEscalationRedDays: 7,
    };
    expect((await staff.put('/api/supervision/rules', rules)).statusCode).toBe(403);
    const admin = await t.login('sysadmin');
    expect((await admin.get('/api/recruitment/records')).statusCode).toBe(403);
    const set = await admin.put('/api/supervision/rules', rules);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ isDefault: false, rules });
    const bad = await admin.put('/api/supervision/rules', { ...rules, noActivityRedDays: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('noActivityRedDays');
    t.clock.set(START);
    staff = await t.login('jx_staff');
    const r = await createRecord(staff);
    t.clock.set(new Date(START.getTime() + 10 * 86_400_000));
    staff = await t.login('jx_staff');
    expect((await staff.post('/api/supervision/refresh')).statusCode).toBe(200);
    expect((await lightOf(r.id)).light).toBe('yellow');
  });
});

describe('escalation exactly once across two server instances sharing one database', () => {
  let t: TestApp;
  let second: FastifyInstance;
  let secondDb: Database;
  beforeAll(async () => {
    t = await createTestApp({ start: START });
    const url = (t.db.owner as unknown as { $client: { options?: { connectionString?: string } } }).$client
      .options?.connectionString;
    // PostgreSQL: a second pool, as a second process would have. PGlite is one process by design.
    secondDb =
      t.db.engine === 'postgres' && url ? await openDatabase({ engine: 'postgres', url, poolSize: 4 }) : t.db;
    second = await buildApp({ db: secondDb, clock: t.clock, fileStorage: createMemoryStorage() });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    if (secondDb !== t.db) await secondDb.close();
    await t.close();
  });

  const runBoth = () =>
    Promise.all(
      [t.app, second, t.app, second].map((app) =>
        app.scheduledJobs.find((j) => j.name === 'supervision.lights')?.run(),
      ),
    ) as Promise<{ regions: number; skipped: number; escalations: number }[]>;

  it('sends each escalation once and runs each region once per day, however many run at the same moment', async () => {
    const staff = await t.login('jx_staff');
    const record = await createRecord(staff);
    t.clock.set(new Date(START.getTime() + 61 * 86_400_000));
    const results = await runBoth();
    const jx = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`SELECT count(*)::int AS n FROM job_runs WHERE job = 'supervision.lights' AND scope = '370828'`,
      ),
    )[0]?.n;
    expect(jx).toBe(1);
    expect(results.reduce((s, r) => s + r.regions, 0)).toBe(
      await countRows(t.db, sql`SELECT count(*)::int AS n FROM job_runs`),
    );
    const lead = await countRows(
      t.db,
      sql`SELECT count(*)::int AS n FROM supervision_escalations WHERE item_id = ${record.id}::uuid AND level = 'lead'`,
    );
    expect(lead).toBe(1);
    const messages = await countRows(
      t.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE link = ${`/recruitment/${record.id}`}`,
    );
    expect(messages).toBe(2); // lead + owner, once

    // Next day, again from both: the light has not changed, so nothing is sent again.
    t.clock.set(new Date(START.getTime() + 62 * 86_400_000));
    await runBoth();
    expect(
      await countRows(
        t.db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE link = ${`/recruitment/${record.id}`}`,
      ),
    ).toBe(2);

    // More than 14 red days: the leader rung, once, with one round-table proposal.
    t.clock.set(new Date(START.getTime() + 77 * 86_400_000));
    await runBoth();
    t.clock.set(new Date(START.getTime() + 78 * 86_400_000));
    await runBoth();
    expect(
      await countRows(
        t.db,
        sql`SELECT count(*)::int AS n FROM supervision_escalations WHERE item_id = ${record.id}::uuid AND level = 'leader'`,
      ),
    ).toBe(1);
    expect(
      await countRows(
        t.db,
        sql`SELECT count(*)::int AS n FROM supervision_agenda_proposals WHERE item_id = ${record.id}::uuid`,
      ),
    ).toBe(1);
    expect(
      await countRows(
        t.db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE link = ${`/recruitment/${record.id}`} AND kind = 'supervision.leader'`,
      ),
    ).toBe(1); // 金乡县 has one leader
  });
});
