import type { AgendaProposal } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const START = new Date('2026-11-29T02:00:00Z');
const DAY = 86_400_000;

describe('round-table proposals: the escalation’s last rung, decided by a leader', () => {
  let t: TestApp;
  /** Red by the lights job on day 60; proposed by the job only after more than 14 red days. */
  let byJob: string;
  /** Proposed by staff from its page while red, before the 14 days. */
  let byStaff: string;
  /** Put on the agenda by the leader from its page while red. */
  let byLeader: string;

  const at = (day: number) => t.clock.set(new Date(START.getTime() + day * DAY));
  const runJob = async (day: number) => {
    at(day);
    const job = t.app.scheduledJobs.find((j) => j.name === 'supervision.lights');
    return job?.run();
  };
  /** A recruitment record created through the API by jx_staff; returns its id. */
  const createRecord = async (staff: Session, name: string) => {
    const inst = await staff.post('/api/institutes', {
      name,
      kind: 'research',
      level: 'provincial',
      city: '济南',
    });
    expect(inst.statusCode, inst.body).toBe(200);
    const people = (await staff.get('/api/recruitment/assignable')).json() as { id: string; name: string }[];
    const owner = people.find((p) => p.name === '张敏')?.id;
    const lead = people.find((p) => p.name === '李强')?.id;
    const res = await staff.post('/api/recruitment/records', {
      instituteId: inst.json().id,
      grade: 'A',
      cooperationMode: '共建研发平台',
      ownerId: owner,
      taskForceLeadId: lead,
      taskForceMemberIds: [owner],
      isGreenChannel: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  /** What a user's inbox says of round-table proposals about one item (titles end with its name). */
  const toldAbout = async (session: Session, name: string) =>
    (
      (await session.get('/api/notifications?pageSize=100')).json().items as {
        kind: string;
        title: string;
        body: string;
        link: string | null;
      }[]
    ).filter((n) => n.kind.startsWith('roundtable.') && n.title.endsWith(name));
  const proposalsOf = async (session: Session, itemId: string) => {
    const res = await session.get(`/api/supervision/proposals?itemId=${itemId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AgendaProposal[];
  };
  const count = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await t.db.owner.execute(query))[0]?.n ?? 0;

  beforeAll(async () => {
    t = await createTestApp({ start: START });
    const staff = await t.login('jx_staff');
    byJob = await createRecord(staff, '圆桌测试研究院甲');
    byStaff = await createRecord(staff, '圆桌测试研究院乙');
    byLeader = await createRecord(staff, '圆桌测试研究院丙');
    // A leader of the sibling county 汶上县 (370830), to show row-level security narrows the decision.
    await t.db.owner.execute(sql`
      INSERT INTO users (region_code, username, display_name, role, password_hash)
      SELECT '370830', 'ws_leader_test', '汶上县领导', 'leader', password_hash FROM users WHERE username = 'jx_leader'`);
    await runJob(60); // 60 days without a ledger entry: red from today
  });
  afterAll(() => t.close());

  it('only a red item can be proposed; staff propose, a leader’s request is the decision itself', async () => {
    at(61);
    const staff = await t.login('jx_staff');
    const green = await createRecord(staff, '圆桌测试研究院丁');
    const notRed = await staff.post('/api/supervision/proposals', { itemType: 'recruitment', itemId: green });
    expect(notRed.statusCode).toBe(409);
    expect(notRed.json().code).toBe('NOT_RED');

    const proposed = await staff.post('/api/supervision/proposals', {
      itemType: 'recruitment',
      itemId: byStaff,
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      light: 'red',
      link: `/recruitment/${byStaff}`,
      proposedByName: '张敏',
      decidedBy: null,
    });
    expect(proposed.json().reason).toContain('60');
    const again = await staff.post('/api/supervision/proposals', {
      itemType: 'recruitment',
      itemId: byStaff,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_PROPOSED');

    const leader = await t.login('jx_leader');
    const put = await leader.post('/api/supervision/proposals', {
      itemType: 'recruitment',
      itemId: byLeader,
      note: '院所合作意向不明，需分管领导协调',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({
      status: 'accepted',
      reason: '院所合作意向不明，需分管领导协调',
      proposedByName: '刘建国',
      decidedByName: '刘建国',
      decidedAt: new Date(START.getTime() + 61 * DAY).toISOString(),
    });
  });

  it('tells the leaders a proposal waits for them, and the record’s owner and lead what a leader put on the agenda', async () => {
    const leader = await t.login('jx_leader');
    const waiting = await toldAbout(leader, '圆桌测试研究院乙');
    expect(waiting).toEqual([
      expect.objectContaining({
        title: '提请圆桌对话，请决定是否列入议程：圆桌测试研究院乙',
        link: '/supervision/proposals',
      }),
    ]);
    expect(waiting[0]?.body).toMatch(/^张敏：已 60 天无工作台账记录/);
    // The leader's own request is the decision: the owner (张敏) and the lead (李强) hear of it, the leader does not.
    for (const username of ['jx_staff', 'jx_lead']) {
      expect((await toldAbout(await t.login(username), '圆桌测试研究院丙')).map((n) => n.title)).toEqual([
        '已列入圆桌议程：圆桌测试研究院丙',
      ]);
    }
    expect(await toldAbout(leader, '圆桌测试研究院丙')).toEqual([]);
  });

  it('the lights job proposes an item red for 15 days, not 14, and never twice for one red episode', async () => {
    await runJob(74); // red for 14 days
    const leader14 = await t.login('jx_leader');
    expect(await proposalsOf(leader14, byJob)).toHaveLength(0);
    await runJob(75); // red for 15 days: more than the region's 14
    const leader = await t.login('jx_leader');
    const [proposal, ...more] = await proposalsOf(leader, byJob);
    expect(more).toHaveLength(0);
    expect(proposal).toMatchObject({
      status: 'proposed',
      light: 'red',
      link: `/recruitment/${byJob}`,
      proposedBy: null,
      proposedAt: new Date(START.getTime() + 75 * DAY).toISOString(),
    });
    // Items proposed by hand keep their one row; the leaders were still told once.
    for (const id of [byStaff, byLeader]) {
      expect(await proposalsOf(leader, id)).toHaveLength(1);
      expect(
        await count(
          sql`SELECT count(*)::int AS n FROM supervision_escalations WHERE item_id = ${id}::uuid AND level = 'leader'`,
        ),
      ).toBe(1);
    }
    // The list filters by status, newest first.
    const open = (await leader.get('/api/supervision/proposals?status=proposed')).json() as AgendaProposal[];
    expect(open.every((p) => p.status === 'proposed')).toBe(true);
    const mine = open.filter((p) => p.itemId === byJob || p.itemId === byStaff).map((p) => p.itemId);
    expect(mine).toEqual([byJob, byStaff]);
    const times = open.map((p) => p.proposedAt);
    expect(times).toEqual([...times].sort().reverse());
    // The city's leader sees the county's proposals too, but does not decide them (issue 9).
    const city = await t.login('jn_leader');
    const [county] = await proposalsOf(city, byJob);
    expect(county).toBeDefined();
    const refused = await city.post(`/api/supervision/proposals/${county?.id}/decision`, {
      decision: 'dismissed',
      note: '市里决定',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_OWNING_REGION');
    expect((await proposalsOf(city, byJob))[0]?.status).toBe('proposed');
  });

  it('roles without the permission get 403; a sibling county sees none and gets 404', async () => {
    const [proposal] = await proposalsOf(await t.login('jx_leader'), byJob);
    if (!proposal) throw new Error('no proposal');
    const staff = await t.login('jx_staff');
    const denied = await staff.post(`/api/supervision/proposals/${proposal.id}/decision`, {
      decision: 'accepted',
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    expect((await (await t.login('sysadmin')).get('/api/supervision/proposals')).statusCode).toBe(403);
    expect((await (await t.login('hengxing')).get('/api/supervision/proposals')).statusCode).toBe(403);
    const helper = await t.login('jx_helper');
    expect((await helper.get('/api/supervision/proposals')).statusCode).toBe(200);
    expect(
      (await helper.post('/api/supervision/proposals', { itemType: 'recruitment', itemId: byJob }))
        .statusCode,
    ).toBe(403);

    const ws = await t.login('ws_staff');
    const wsList = (await ws.get('/api/supervision/proposals')).json() as AgendaProposal[];
    expect(wsList.filter((p) => p.regionCode !== '370830')).toHaveLength(0);
    const wsPropose = await ws.post('/api/supervision/proposals', { itemType: 'recruitment', itemId: byJob });
    expect(wsPropose.statusCode).toBe(404);
    const wsLeader = await t.login('ws_leader_test');
    const wsDecide = await wsLeader.post(`/api/supervision/proposals/${proposal.id}/decision`, {
      decision: 'accepted',
    });
    expect(wsDecide.statusCode).toBe(404);
    expect((await proposalsOf(await t.login('jx_leader'), byJob))[0]?.status).toBe('proposed');
  });

  it('a leader puts it on the agenda once: who and when recorded, with an audit row; twice is 409', async () => {
    at(76);
    const leader = await t.login('jx_leader');
    const [proposal] = await proposalsOf(leader, byJob);
    if (!proposal) throw new Error('no proposal');
    const res = await leader.post(`/api/supervision/proposals/${proposal.id}/decision`, {
      decision: 'accepted',
      note: '列入12月圆桌对话',
    });
    expect(res.statusCode, res.body).toBe(200);
    const leaderId = (await leader.get('/api/auth/me')).json().id as string;
    expect(res.json()).toMatchObject({
      status: 'accepted',
      decidedBy: leaderId,
      decidedByName: '刘建国',
      decidedAt: new Date(START.getTime() + 76 * DAY).toISOString(),
      decisionNote: '列入12月圆桌对话',
    });
    const audit = rowsOf<{ actor_id: string; region_code: string }>(
      await t.db.owner.execute(
        sql`SELECT actor_id, region_code FROM audit_log
            WHERE target_type = 'roundtable_proposal' AND target_id = ${proposal.id} AND action = 'accept'`,
      ),
    );
    expect(audit).toEqual([{ actor_id: leaderId, region_code: '370828' }]);

    const twice = await leader.post(`/api/supervision/proposals/${proposal.id}/decision`, {
      decision: 'dismissed',
      note: '改变主意',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_DECIDED');
    expect((await proposalsOf(leader, byJob))[0]?.status).toBe('accepted');
  });

  it('“not now” needs a note: 400 on the field note without one, recorded with it', async () => {
    const leader = await t.login('jx_leader');
    const [proposal] = await proposalsOf(leader, byStaff);
    if (!proposal) throw new Error('no proposal');
    const url = `/api/supervision/proposals/${proposal.id}/decision`;
    for (const note of [undefined, '', '   ']) {
      const bad = await leader.post(url, { decision: 'dismissed', note });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('VALIDATION');
      expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual(['note']);
    }
    const wrong = await leader.post(url, { decision: 'maybe' });
    expect(wrong.statusCode).toBe(400);
    expect(
      (await leader.post('/api/supervision/proposals/not-a-uuid/decision', { decision: 'accepted' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await leader.post('/api/supervision/proposals/00000000-0000-4000-8000-000000000000/decision', {
          decision: 'accepted',
        })
      ).statusCode,
    ).toBe(404);
    const ok = await leader.post(url, { decision: 'dismissed', note: '专班本月内自行协调' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'dismissed', decisionNote: '专班本月内自行协调' });
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ${proposal.id} AND action = 'dismiss'`,
      ),
    ).toBe(1);
    const dismissed = (
      await leader.get('/api/supervision/proposals?status=dismissed')
    ).json() as AgendaProposal[];
    expect(dismissed.map((p) => p.itemId)).toContain(byStaff);
    // Whoever proposed it (张敏, also its owner) hears the decision and the reason.
    const told = await toldAbout(await t.login('jx_staff'), '圆桌测试研究院乙');
    expect(told).toEqual([
      expect.objectContaining({
        title: '暂不列入圆桌议程：圆桌测试研究院乙',
        body: '刘建国：专班本月内自行协调',
        link: `/recruitment/${byStaff}`,
      }),
    ]);
  });
});

describe('the demo on a fresh start', () => {
  let t: TestApp;
  // On the day the template's demo was loaded (its lights are dated from that day).
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the first lights run proposes the records red for months to 金乡县’s leader, and only there', async () => {
    const job = t.app.scheduledJobs.find((j) => j.name === 'supervision.lights');
    await job?.run();
    const leader = await t.login('jx_leader');
    const proposals = (
      await leader.get('/api/supervision/proposals?status=proposed')
    ).json() as AgendaProposal[];
    expect(proposals.length).toBeGreaterThan(0);
    expect(
      proposals.every((p) => p.regionCode === '370828' && p.light === 'red' && p.proposedBy === null),
    ).toBe(true);
    expect(proposals.map((p) => p.itemType)).toContain('recruitment');
    const ws = await t.login('ws_staff');
    expect(((await ws.get('/api/supervision/proposals')).json() as AgendaProposal[]).length).toBe(0);
  });
});
