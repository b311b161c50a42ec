import type { Project } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let admin: Session;
let instituteId: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  admin = await t.login('sysadmin');
  const [row] = rowsOf<{ id: string }>(
    await t.db.owner.execute(sql`SELECT id FROM institutes WHERE region_code = '370828' LIMIT 1`),
  );
  instituteId = row?.id ?? '';
});
afterAll(() => t.close());

async function newProject(): Promise<Project> {
  const res = await staff.post('/api/projects', {
    title: `阶段测试${Math.random().toString(36).slice(2, 7)}`,
    kind: 'development',
    instituteIds: [instituteId],
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const move = (p: Project, body: Record<string, unknown>) => staff.post(`/api/projects/${p.id}/stage`, body);
const paths = (res: { json: () => { fields?: { path: string }[] } }) =>
  (res.json().fields ?? []).map((f) => f.path);

describe('project moves through the one stage mover', () => {
  it('an office adds 尽职调查 inside 意向: a project moves into it and on to 签约; the figures count it as 意向', async () => {
    const added = await admin.post('/api/settings/custom-stages', {
      pipeline: 'project',
      refines: 'intention',
      label: '尽职调查',
    });
    expect(added.statusCode, added.body).toBe(200);
    const project = await newProject();
    const target = project.allowedMoves.find((m) => m.name === '尽职调查');
    expect(target).toMatchObject({ stage: 'intention' });
    const countBefore = (await staff.get('/api/projects?stage=intention&pageSize=1')).json().total;

    const inside = await move(project, { to: 'intention', subStage: target?.subStage });
    expect(inside.statusCode, inside.body).toBe(200);
    const moved = inside.json() as Project;
    expect(moved).toMatchObject({ stage: 'intention', subStage: target?.subStage, subStageName: '尽职调查' });
    expect(moved.entries.some((e) => e.kind === 'stage' && e.content.includes('意向 → 尽职调查'))).toBe(true);
    expect(moved.allowedMoves.some((m) => m.stage === 'signed' && m.subStage === null)).toBe(true);
    // Still 意向 for every list and figure.
    expect((await staff.get('/api/projects?stage=intention&pageSize=1')).json().total).toBe(countBefore);

    const signed = await move(project, { to: 'signed', signedOn: '2026-11-20', contractNo: 'JX-DD-01' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'signed', subStage: null, subStageName: null });
    expect((signed.json() as Project).entries.some((e) => e.content.includes('尽职调查 → 签约'))).toBe(true);
  });

  it('refuses a custom stage the office does not have (409) and a signing date in the future (400 on signedOn)', async () => {
    const project = await newProject();
    const unknown = await move(project, { to: 'intention', subStage: 'c_nowhere' });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().code).toBe('STAGE_TRANSITION');
    const future = await move(project, { to: 'signed', signedOn: '2026-12-30', contractNo: 'X-1' });
    expect(future.statusCode).toBe(400);
    expect(paths(future)).toEqual(['signedOn']);
  });

  it('a landing date before the signing date is refused with 400 on landedOn, and by the database CHECK', async () => {
    const project = await newProject();
    expect(
      (await move(project, { to: 'signed', signedOn: '2026-11-20', contractNo: 'JX-L-01' })).statusCode,
    ).toBe(200);
    for (const to of ['in_progress', 'accepted']) expect((await move(project, { to })).statusCode).toBe(200);
    const early = await move(project, { to: 'landed', landedOn: '2026-11-10' });
    expect(early.statusCode, early.body).toBe(400);
    expect(paths(early)).toEqual(['landedOn']);
    expect((await staff.get(`/api/projects/${project.id}`)).json().stage).toBe('accepted');
    // The database refuses the same, whatever writes it.
    const refused = await t.db.owner
      .execute(sql`UPDATE cooperation_projects SET landed_on = '2026-11-10' WHERE id = ${project.id}::uuid`)
      .then(
        () => null,
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(refused).toMatch(/cooperation_projects_landed_after_signed/);
    const landed = await move(project, { to: 'landed', landedOn: '2026-11-25', landedPlace: '金乡县' });
    expect(landed.statusCode, landed.body).toBe(200);
    expect(landed.json()).toMatchObject({ stage: 'landed', landedOn: '2026-11-25', landedPlace: '金乡县' });
  });
});
