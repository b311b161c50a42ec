import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/auth.table.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

// Monday 30 Nov 2026, 10:00 in China.
const MONDAY = new Date('2026-11-30T02:00:00Z');

describe('concierge: service requests from raising to rating', () => {
  let t: TestApp;
  let staff: Session;
  let helper: Session;
  let lead: Session;
  let firm: Session;
  let otherFirm: Session;
  let sibling: Session;
  let helperId: string;
  let secondHelperId: string;
  const PASSWORD = 'Qz7!station-test-pw';

  const raise = (s: Session, extra: Record<string, unknown> = {}) =>
    s.post('/api/concierge/requests', {
      title: '新厂房用地指标',
      description: '二期厂房需要 30 亩建设用地指标',
      kind: 'land',
      contactPhone: '13812345678',
      idempotencyKey: randomUUID(),
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp({ start: MONDAY });
    staff = await t.login('jx_staff');
    helper = await t.login('jx_helper');
    lead = await t.login('jx_lead');
    firm = await t.login('hengxing');
    sibling = await t.login('ws_staff');
    // A second enterprise of the same county and a second helper, made by the owner connection.
    const hash = await hashPassword(PASSWORD);
    const [ent] = rowsOf<{ id: string }>(
      await t.db.owner.execute(
        sql`SELECT id FROM enterprises WHERE region_code = '370828' AND name <> '山东衡兴新材料有限公司' LIMIT 1`,
      ),
    );
    await t.db.owner.insert(users).values([
      {
        username: 'other_firm',
        displayName: '钱总',
        role: 'enterprise',
        regionCode: '370828',
        passwordHash: hash,
        enterpriseId: ent?.id ?? null,
      },
      {
        username: 'jx_helper2',
        displayName: '赵帮办',
        role: 'helper',
        regionCode: '370828',
        passwordHash: hash,
      },
    ]);
    otherFirm = await t.login('other_firm', PASSWORD);
    const helpers = (await staff.get('/api/concierge/helpers')).json() as { id: string; name: string }[];
    helperId = helpers.find((h) => h.name === '王芳')?.id ?? '';
    secondHelperId = helpers.find((h) => h.name === '赵帮办')?.id ?? '';
  });
  afterAll(() => t.close());

  it('counts time limits in working days across a holiday and a 调休 Saturday', async () => {
    const cal = await staff.put('/api/concierge/calendar/2026', {
      days: [
        { date: '2026-12-01', isWorking: false, name: '测试假日' },
        { date: '2026-12-05', isWorking: true, name: '调休上班' },
      ],
    });
    expect(cal.statusCode, cal.body).toBe(200);
    const limits = await staff.put('/api/concierge/time-limits', {
      limits: [{ kind: 'land', acceptDays: 2, resolveDays: 5, greenAcceptDays: 1, greenResolveDays: 3 }],
    });
    expect(limits.statusCode, limits.body).toBe(200);
    const res = await raise(firm);
    expect(res.statusCode, res.body).toBe(200);
    // Mon 30 Nov + 2 working days: Tue 1 Dec is a holiday → Wed 2, Thu 3.
    expect(res.json().acceptDueOn).toBe('2026-12-03');
    // Thu 3 + 5: Fri 4, Sat 5 (调休), Mon 7, Tue 8, Wed 9.
    expect(res.json().resolveDueOn).toBe('2026-12-09');
    // A weekday cannot be a 调休 working day; a weekend day cannot be a holiday.
    const bad = await staff.put('/api/concierge/calendar/2026', {
      days: [{ date: '2026-12-02', isWorking: true, name: '' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('days.0.isWorking');
  });

  it('a double submit with one idempotency key creates one request', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([
      raise(firm, { idempotencyKey: key }),
      raise(firm, { idempotencyKey: key }),
    ]);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    expect(a.json().id).toBe(b.json().id);
    const [n] = rowsOf<{ n: number }>(
      await t.db.owner.execute(
        sql`SELECT count(*)::int AS n FROM service_requests WHERE idempotency_key = ${key}`,
      ),
    );
    expect(n?.n).toBe(1);
  });

  it('bad input is a 400 on its field in Chinese', async () => {
    const res = await raise(firm, { contactPhone: '12345', kind: 'nonsense' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['contactPhone', 'kind']));
  });

  it('runs the pipeline: assign, accept, resolve; only the requester rates', async () => {
    const created = (await raise(firm)).json();
    expect(created.stage).toBe('submitted');
    if (!created.helperId) {
      const assigned = await staff.post(`/api/concierge/requests/${created.id}/assign`, { helperId });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    // The helper sees the full phone, the lead the mask.
    expect((await helper.get(`/api/concierge/requests/${created.id}`)).json().contactPhone).toBe(
      '13812345678',
    );
    expect((await lead.get(`/api/concierge/requests/${created.id}`)).json().contactPhone).toBe('138****5678');
    const mine = (await helper.get('/api/concierge/requests?view=mine')).json();
    expect(mine.items.map((r: { id: string }) => r.id)).toContain(created.id);
    // An enterprise cannot accept its own request.
    expect(
      (await firm.post(`/api/concierge/requests/${created.id}/stage`, { to: 'accepted' })).statusCode,
    ).toBe(409);
    const accepted = await helper.post(`/api/concierge/requests/${created.id}/stage`, { to: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const noResolution = await helper.post(`/api/concierge/requests/${created.id}/stage`, { to: 'resolved' });
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().fields[0].path).toBe('resolution');
    const resolved = await helper.post(`/api/concierge/requests/${created.id}/stage`, {
      to: 'resolved',
      resolution: '已协调自然资源局列入年度供地计划',
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(
      (await staff.post(`/api/concierge/requests/${created.id}/rating`, { rating: 5, comment: '' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await firm.post(`/api/concierge/requests/${created.id}/rating`, { rating: 6, comment: '' }))
        .statusCode,
    ).toBe(400);
    const rated = await firm.post(`/api/concierge/requests/${created.id}/rating`, {
      rating: 5,
      comment: '很及时',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().stage).toBe('rated');
    expect(rated.json().rating).toBe(5);
    const kinds = rated.json().timeline.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'stage')).toHaveLength(3);
    // The requester was told at each step.
    const inbox = (await firm.get('/api/notifications?pageSize=50')).json().items as { kind: string }[];
    expect(inbox.filter((n) => n.kind === 'concierge').length).toBeGreaterThanOrEqual(2);
  });

  it('a transfer waits for the lead; refused needs a reason; approved hands it over', async () => {
    const created = (await raise(firm)).json();
    if (created.helperId !== helperId)
      await staff.post(`/api/concierge/requests/${created.id}/assign`, { helperId });
    const asked = await helper.post(`/api/concierge/requests/${created.id}/transfers`, {
      toHelperId: secondHelperId,
      reason: '涉及人才政策，由熟悉的专员办理',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const transfer = asked.json().transfers[0];
    expect(asked.json().helperId).toBe(helperId);
    // The helper cannot approve their own transfer.
    expect(
      (
        await helper.post(`/api/concierge/requests/${created.id}/transfers/${transfer.id}/decision`, {
          decision: 'approved',
          note: '',
        })
      ).statusCode,
    ).toBe(403);
    const noReason = await lead.post(
      `/api/concierge/requests/${created.id}/transfers/${transfer.id}/decision`,
      {
        decision: 'refused',
        note: '',
      },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('note');
    const ok = await lead.post(`/api/concierge/requests/${created.id}/transfers/${transfer.id}/decision`, {
      decision: 'approved',
      note: '同意',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().helperId).toBe(secondHelperId);
    expect(ok.json().timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['transfer_requested', 'transfer_approved']),
    );
    // The old helper no longer handles it.
    expect(
      (await helper.post(`/api/concierge/requests/${created.id}/notes`, { text: '回访' })).statusCode,
    ).toBe(403);
  });

  it('a department hand-off is recorded and the clock keeps running', async () => {
    const created = (await raise(firm)).json();
    const res = await staff.post(`/api/concierge/requests/${created.id}/handoffs`, {
      department: '自然资源局',
      sentOn: '2026-11-30',
      question: '用地指标能否调剂',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().resolveDueOn).toBe(created.resolveDueOn);
    const early = await staff.post(
      `/api/concierge/requests/${created.id}/handoffs/${res.json().handoffs[0].id}/answer`,
      {
        answer: '可以',
        answeredOn: '2026-11-29',
      },
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].path).toBe('answeredOn');
  });

  it('row-level security: a sibling county sees nothing; an enterprise only its own', async () => {
    const mine = (await raise(firm)).json();
    const theirs = (await raise(otherFirm)).json();
    expect((await sibling.get(`/api/concierge/requests/${mine.id}`)).statusCode).toBe(404);
    expect((await sibling.get('/api/concierge/requests')).json().total).toBe(0);
    expect((await otherFirm.get(`/api/concierge/requests/${mine.id}`)).statusCode).toBe(404);
    const list = (await otherFirm.get('/api/concierge/requests?pageSize=200')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
    // Forged in SQL as the enterprise: the database itself refuses another enterprise's row.
    const leaked = await t.db.transaction(
      { userId: null, role: 'enterprise', regionCodes: ['370828'], enterpriseId: theirs.id },
      async (tx) => rowsOf(await tx.execute(sql`SELECT id FROM service_requests`)),
    );
    expect(leaked).toHaveLength(0);
  });

  it('the public station writes a request it cannot read back', async () => {
    const station = await t.app.inject({ method: 'GET', url: '/api/station/370828' });
    expect(station.statusCode).toBe(200);
    const { token, question } = station.json();
    const [a, b] = (question as string).match(/\d+/g)?.map(Number) ?? [0, 0];
    const body = {
      kind: 'housing',
      name: '林博士',
      phone: '13900001111',
      description: '引进博士，需要人才公寓',
      challengeToken: token,
      challengeAnswer: String((a ?? 0) + (b ?? 0)),
      idempotencyKey: randomUUID(),
    };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/station/370828/requests',
      payload: { ...body, challengeAnswer: '999' },
    });
    expect(wrong.statusCode).toBe(400);
    const fresh = (await t.app.inject({ method: 'GET', url: '/api/station/370828' })).json();
    const [c, d] = (fresh.question as string).match(/\d+/g)?.map(Number) ?? [0, 0];
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/station/370828/requests',
      payload: { ...body, challengeToken: fresh.token, challengeAnswer: String((c ?? 0) + (d ?? 0)) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(Object.keys(ok.json())).toEqual(['reference']);
    // The challenge is single-use.
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/station/370828/requests',
      payload: { ...body, challengeToken: fresh.token, challengeAnswer: String((c ?? 0) + (d ?? 0)) },
    });
    expect(replay.statusCode).toBe(400);
    // Nothing to read without an account; the anonymous scope sees no row.
    expect((await t.app.inject({ method: 'GET', url: '/api/concierge/requests' })).statusCode).toBe(401);
    const seen = await t.db.transaction({ userId: null, role: 'anonymous', regionCodes: [] }, async (tx) =>
      rowsOf(await tx.execute(sql`SELECT id FROM service_requests`)),
    );
    expect(seen).toHaveLength(0);
    // Stored encrypted; the office sees it masked.
    const [row] = rowsOf<{ phone_enc: string; phone_masked: string }>(
      await t.db.owner.execute(
        sql`SELECT phone_enc, phone_masked FROM service_requests WHERE number = ${ok.json().reference}`,
      ),
    );
    expect(row?.phone_enc.startsWith('g1:')).toBe(true);
    expect(row?.phone_enc).not.toContain('13900001111');
    const list = (await staff.get('/api/concierge/requests?view=unassigned&pageSize=200')).json();
    const item = list.items.find((r: { number: string }) => r.number === ok.json().reference);
    expect(item?.contactPhone).toBe('139****1111');
  });

  it('lights: an overdue request turns yellow, and red past the limit', async () => {
    const created = (await raise(firm)).json();
    t.clock.set(new Date(MONDAY.getTime() + 30 * 86_400_000));
    const job = t.app.scheduledJobs.find((j) => j.name === 'supervision.lights');
    await job?.run();
    // Sessions idle out over 30 days: sign in again.
    const after = (await (await t.login('jx_staff')).get(`/api/concierge/requests/${created.id}`)).json();
    expect(after.isOverdue).toBe(true);
    expect(after.light).toBe('red');
    const overdue = (await t.login('jx_leader')).get('/api/concierge/requests?view=overdue');
    expect((await overdue).json().items.map((r: { id: string }) => r.id)).toContain(created.id);
    t.clock.set(MONDAY);
  });
});
