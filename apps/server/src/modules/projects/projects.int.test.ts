import { PROJECT_STAGES, type Project, type ProjectStage, type ProjectSummary } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../platform/auth/password.ts';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let helper: Session;
let hengxing: Session;
let daxing: Session;
let cityLeader: Session;
let wsStaff: Session;
const helperIds: string[] = [];
let org: Map<string, string>;

const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.db.owner.execute(q));

beforeAll(async () => {
  t = await createTestApp();
  // More helpers for the hand-over tests (the demo has one per county).
  const hash = await hashPassword('Gaodi@2026');
  for (let i = 1; i <= 5; i++)
    await t.db.owner.execute(sql`INSERT INTO users (region_code, username, display_name, role, password_hash)
      VALUES ('370828', ${`jx_helper${i}`}, ${`帮办${i}`}, 'helper', ${hash})`);
  for (const r of await query<{ id: string }>(
    sql`SELECT id FROM users WHERE role = 'helper' AND region_code = '370828' ORDER BY username`,
  ))
    helperIds.push(r.id);
  staff = await t.login('jx_staff');
  helper = await t.login('jx_helper');
  hengxing = await t.login('hengxing');
  daxing = await t.login('dx_staff');
  cityLeader = await t.login('jn_leader');
  wsStaff = await t.login('ws_staff');
  org = new Map(
    (
      await query<{ id: string; name: string }>(
        sql`SELECT id, name FROM enterprises WHERE region_code = '370828' UNION ALL SELECT id, name FROM institutes WHERE region_code = '370828'`,
      )
    ).map((r) => [r.name, r.id]),
  );
});
afterAll(() => t.close());

const id = (name: string) => org.get(name) as string;

async function createProject(extra: Record<string, unknown> = {}): Promise<Project> {
  const res = await staff.post('/api/projects', {
    title: `测试项目${Math.random().toString(36).slice(2, 7)}`,
    kind: 'development',
    enterpriseIds: [id('山东衡兴新材料有限公司')],
    instituteIds: [id('山东大学')],
    amountFen: 12_345_600,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const setStage = (projectId: string, stage: ProjectStage) =>
  t.db.owner.execute(sql`UPDATE cooperation_projects SET stage = ${stage} WHERE id = ${projectId}::uuid`);

/** The project pipeline's allowed moves, written by hand (not read from the declaration the server uses). */
const ALLOWED: Record<ProjectStage, ProjectStage[]> = {
  intention: ['signed', 'stopped'],
  signed: ['in_progress', 'stopped'],
  in_progress: ['accepted', 'stopped'],
  accepted: ['landed', 'stopped'],
  landed: [],
  stopped: [],
};

describe('project stages', () => {
  let project: Project;
  beforeAll(async () => {
    project = await createProject();
  });
  const complete = (to: ProjectStage) => ({
    to,
    signedOn: '2026-11-20',
    contractNo: 'JX-TEST-001',
    landedOn: '2026-11-25',
    landedPlace: '金乡县',
    reason: '合作方退出',
  });
  for (const from of PROJECT_STAGES) {
    for (const to of PROJECT_STAGES) {
      const allowed = ALLOWED[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        await setStage(project.id, from);
        const res = await staff.post(`/api/projects/${project.id}/stage`, complete(to));
        if (allowed) {
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json() as Project;
          expect(body.stage).toBe(to);
          expect(body.entries).toContainEqual(
            expect.objectContaining({ kind: 'stage', stageFrom: from, stageTo: to }),
          );
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().code).toBe('STAGE_TRANSITION');
        }
      });
    }
  }

  it('asks per field for what a move needs', async () => {
    project = await createProject();
    const sign = await staff.post(`/api/projects/${project.id}/stage`, { to: 'signed' });
    expect(sign.statusCode).toBe(400);
    expect(
      sign
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['contractNo', 'signedOn']);
    const stop = await staff.post(`/api/projects/${project.id}/stage`, { to: 'stopped' });
    expect(stop.json().fields.map((f: { path: string }) => f.path)).toEqual(['reason']);
    await setStage(project.id, 'accepted');
    const land = await staff.post(`/api/projects/${project.id}/stage`, { to: 'landed' });
    expect(land.json().fields.map((f: { path: string }) => f.path)).toEqual(['landedOn']);
  });
});

describe('one helper at a time', () => {
  it('leaves exactly one current helper after concurrent reassignments, each hand-over recorded', async () => {
    const project = await createProject({ helperId: helperIds[0] });
    const results = await Promise.all(
      helperIds
        .slice(1)
        .map((helperId, i) =>
          staff.post(`/api/projects/${project.id}/helper`, { helperId, reason: `交接 ${i}` }),
        ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const open = await query<{ helper_id: string }>(
      sql`SELECT helper_id FROM project_helper_assignments WHERE project_id = ${project.id}::uuid AND ended_at IS NULL`,
    );
    expect(open).toHaveLength(1);
    const all = await query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM project_helper_assignments WHERE project_id = ${project.id}::uuid`,
    );
    expect(all[0]?.n).toBe(helperIds.length);
    const detail = (await staff.get(`/api/projects/${project.id}`)).json() as Project;
    expect(detail.helperId).toBe(open[0]?.helper_id);
    expect(detail.helpers.filter((h) => h.endedAt === null)).toHaveLength(1);
    expect(detail.entries.filter((e) => e.kind === 'handover')).toHaveLength(helperIds.length - 1);
  });

  it('tells the new helper and the one handing over in their inboxes; nobody else can read them', async () => {
    const project = await createProject({ helperId: helperIds[1] });
    const handedOver = await staff.post(`/api/projects/${project.id}/helper`, {
      helperId: helperIds[0],
      reason: '原帮办专员调岗',
    });
    expect(handedOver.statusCode, handedOver.body).toBe(200);
    type Note = { title: string; body: string; link: string | null };
    const inbox = async (s: Session) =>
      ((await s.get('/api/notifications?pageSize=100')).json().items as Note[]).filter((n) =>
        n.title.endsWith(project.title),
      );
    expect(await inbox(helper)).toEqual([
      expect.objectContaining({
        title: `您已被指定为帮办专员：${project.title}`,
        body: '张敏：原帮办专员调岗',
        link: `/projects/${project.id}`,
      }),
    ]);
    const previous = await t.login('jx_helper1');
    // Assigned at creation, then told of the hand-over (one clock instant here, so compared unordered).
    expect((await inbox(previous)).map((n) => n.title).sort()).toEqual(
      [`您已被指定为帮办专员：${project.title}`, `项目已交接给其他帮办专员：${project.title}`].sort(),
    );
    expect(await inbox(staff)).toEqual([]);
  });

  it('the database refuses a notification for someone who does not work on the row’s region', async () => {
    const [ws] = await query<{ id: string }>(sql`SELECT id FROM users WHERE username = 'ws_staff'`);
    const scope = { userId: null, role: 'staff' as const, regionCodes: ['370828'] };
    const send = (regionCode: string) =>
      t.db.transaction(scope, (tx) =>
        tx.execute(sql`INSERT INTO notifications (region_code, user_id, kind, title, body, created_at)
          VALUES (${regionCode}, ${ws?.id}::uuid, 'test', '越界通知', '', now())`),
      );
    await expect(send('370828')).rejects.toThrow();
    await expect(send('370830')).rejects.toThrow();
  });

  it('the database itself refuses a second current helper', async () => {
    const project = await createProject({ helperId: helperIds[0] });
    await expect(
      t.db.owner.execute(sql`INSERT INTO project_helper_assignments (region_code, project_id, helper_id, started_at)
        VALUES ('370828', ${project.id}::uuid, ${helperIds[1]}::uuid, now())`),
    ).rejects.toThrow();
  });

  it('a helper edits the projects they serve, sees them as their caseload, and cannot hand them over', async () => {
    const helperId = (await helper.get('/api/auth/me')).json().id as string;
    const mine = await createProject({ helperId });
    const notMine = await createProject({ helperId: helperIds[1] });
    const ok = await helper.post(`/api/projects/${mine.id}/entries`, {
      content: '走访企业',
      on: '2026-11-28',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (await helper.post(`/api/projects/${notMine.id}/entries`, { content: 'x', on: '2026-11-28' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await helper.post(`/api/projects/${mine.id}/helper`, { helperId: helperIds[2] })).statusCode,
    ).toBe(403);
    const caseload = (await helper.get('/api/projects?mine=true&pageSize=200')).json();
    expect(caseload.items.length).toBeGreaterThan(1);
    expect(caseload.items.every((p: ProjectSummary) => p.helperId === helperId)).toBe(true);
    expect(caseload.items.map((p: ProjectSummary) => p.id)).toContain(mine.id);
  });
});

describe('the enclave rule', () => {
  it('an enclave project is visible to both regions and counted once, in its commercialisation region', async () => {
    const before = (await staff.get('/api/projects/counts?year=2026')).json();
    const project = await createProject({ rdRegionCode: '110115', title: '飞地研发测试项目' });
    expect(project.isEnclave).toBe(true);
    const signed = await staff.post(`/api/projects/${project.id}/stage`, {
      to: 'signed',
      signedOn: '2026-11-27',
      contractNo: 'JX-FD-TEST',
    });
    expect(signed.statusCode, signed.body).toBe(200);

    // Beijing 大兴 reads it (and the demo's enclave projects), never counts them.
    const beijing = (await daxing.get('/api/projects?pageSize=200')).json();
    expect(beijing.items.map((p: ProjectSummary) => p.id)).toContain(project.id);
    expect(beijing.items.every((p: ProjectSummary) => p.rdRegionCode === '110115')).toBe(true);
    const detail = await daxing.get(`/api/projects/${project.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().parties.length).toBe(2);
    expect(detail.json().canEdit).toBe(false);
    expect((await daxing.get('/api/projects/counts?year=2026')).json()).toMatchObject({
      signed: 0,
      landed: 0,
    });
    // Read only: the R&D region cannot write it.
    expect(
      (await daxing.post(`/api/projects/${project.id}/entries`, { content: 'x', on: '2026-11-28' }))
        .statusCode,
    ).not.toBe(200);

    // Jinxiang counts it once; so does the city above it.
    const after = (await staff.get('/api/projects/counts?year=2026')).json();
    expect(after.signed).toBe(before.signed + 1);
    const city = (await cityLeader.get('/api/projects/counts?year=2026')).json();
    expect(city.signed).toBe(after.signed);
    expect(city.byRegion).toEqual([
      { regionCode: '370828', regionName: '金乡县', signed: after.signed, landed: after.landed },
    ]);
  });

  it('demo data reproduces the year: 8 signed, 9 landed; the sibling county sees none', async () => {
    // The demo's own figures (tests above add projects; those are titled 测试).
    const rows = await query<{ signed: number; landed: number }>(sql`
      SELECT count(*) FILTER (WHERE signed_on >= '2026-01-01' AND signed_on < '2027-01-01')::int AS signed,
             count(*) FILTER (WHERE stage = 'landed' AND landed_on >= '2026-01-01')::int AS landed
      FROM cooperation_projects WHERE region_code = '370828' AND title NOT LIKE '%测试%'`);
    expect(rows[0]).toEqual({ signed: 8, landed: 9 });
    expect((await wsStaff.get('/api/projects')).json().total).toBe(0);
    expect((await wsStaff.get('/api/projects/counts?year=2026')).json()).toMatchObject({
      signed: 0,
      landed: 0,
    });
  });
});

describe('who sees which projects', () => {
  it('an enterprise user sees only projects their enterprise is party to', async () => {
    const other = await createProject({
      enterpriseIds: [id('山东鲁特电工有限公司')],
      instituteIds: [id('大连理工大学')],
    });
    const list = (await hengxing.get('/api/projects?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.items.every((p: ProjectSummary) => p.parties.some((x) => x.name === '山东衡兴新材料有限公司')),
    ).toBe(true);
    expect((await hengxing.get(`/api/projects/${other.id}`)).statusCode).toBe(404);
    const own = { title: '企业自建项目', kind: 'development', enterpriseIds: [id('山东衡兴新材料有限公司')] };
    expect((await hengxing.post('/api/projects', own)).statusCode).toBe(403);
  });
});

describe('supervision and attribution', () => {
  it('projects get lights from the shared supervision rules', async () => {
    const list = (await staff.get(`/api/projects?q=${encodeURIComponent('固废基低碳')}`)).json();
    const stale = list.items[0] as ProjectSummary;
    expect(stale.light?.light).toBe('red');
    const landed = (await staff.get(`/api/projects?q=${encodeURIComponent('黑蒜低温发酵')}`)).json().items[0];
    expect(landed.light?.light).toBe('none');
  });

  it('an event lists the projects signed and landed from its pairings; a project names its event and need', async () => {
    const events = (await staff.get('/api/events?year=2026&pageSize=200')).json();
    const forum = events.items.find(
      (e: { title: string }) => e.title === '北京工业大学绿色建造技术校地企对接会',
    );
    expect(forum).toMatchObject({ pairings: 2, projectsSigned: 2, projectsLanded: 0 });
    const detail = (await staff.get(`/api/events/${forum.id}`)).json();
    expect(detail.projects.map((p: { title: string }) => p.title).sort()).toEqual(
      ['北工大—恒昌绿色建造技术创新中心共建', '固废基低碳胶凝材料技术开发'].sort(),
    );
    const project = (await staff.get(`/api/projects/${detail.projects[0].id}`)).json() as Project;
    expect(project.sourceEventTitle).toBe(forum.title);
    expect(project.needTitle).not.toBeNull();
  });

  it('signing a project from a pairing contracts its need', async () => {
    const needRes = await staff.post('/api/needs', {
      enterpriseId: id('山东衡兴新材料有限公司'),
      title: '测试：签约后需求自动转为已签约',
      description: '描述',
    });
    const need = needRes.json();
    for (const to of ['reviewed', 'published']) await staff.post(`/api/needs/${need.id}/stage`, { to });
    const pairing = (
      await staff.post('/api/pairings', { needId: need.id, instituteId: id('山东大学') })
    ).json();
    const project = await createProject({ sourcePairingId: pairing.id, enterpriseIds: [], instituteIds: [] });
    expect(project.needId).toBe(need.id);
    expect(project.parties.map((p) => p.name).sort()).toEqual(['山东大学', '山东衡兴新材料有限公司'].sort());
    await staff.post(`/api/projects/${project.id}/stage`, {
      to: 'signed',
      signedOn: '2026-11-28',
      contractNo: 'C-1',
    });
    expect((await staff.get(`/api/needs/${need.id}`)).json().stage).toBe('contracted');
  });
});
