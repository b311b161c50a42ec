import type { CustomStages, Recruitment, RecruitmentBoard } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { createRecord, PDF, uploadFile } from './recruitment.fixtures.ts';

let t: TestApp;
let staff: Session;
let admin: Session;
let diligence: string;

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  admin = await t.login('sysadmin');
  const res = await admin.post('/api/settings/custom-stages', {
    pipeline: 'recruitment',
    refines: 'negotiating',
    label: '尽职调查',
  });
  expect(res.statusCode, res.body).toBe(200);
  const stage = (res.json() as CustomStages).stages.find((s) => s.label === '尽职调查');
  diligence = stage?.code ?? '';
});
afterAll(() => t.close());

const move = (id: string, body: Record<string, unknown>) =>
  staff.post(`/api/recruitment/records/${id}/stage`, body);
const setStage = (id: string, stage: string) =>
  t.db.owner.execute(
    sql`UPDATE recruitment_records SET stage = ${stage}, sub_stage = NULL WHERE id = ${id}::uuid`,
  );

describe('a stage the office adds (尽职调查 inside 洽谈)', () => {
  it('a record moves into it and on to 签约; it counts as 洽谈 on the board meanwhile', async () => {
    const record = await createRecord(staff);
    await setStage(record.id, 'negotiating');
    const inside = await move(record.id, { to: 'negotiating', subStage: diligence, note: '开展尽职调查' });
    expect(inside.statusCode, inside.body).toBe(200);
    const body = inside.json() as Recruitment;
    expect(body).toMatchObject({ stage: 'negotiating', subStage: diligence });
    expect(body.entries[0]?.content).toBe('阶段变更：洽谈 → 尽职调查。开展尽职调查');

    const board = (
      await staff.get('/api/recruitment/board?groupBy=stage&perColumn=500')
    ).json() as RecruitmentBoard;
    const negotiating = board.columns.find((c) => c.key === 'negotiating');
    expect(negotiating?.items.find((i) => i.id === record.id)).toMatchObject({ subStage: diligence });

    const agreementFileId = (await uploadFile(staff, '/api/files', PDF, 'agreement.pdf')).json().id;
    const signed = await move(record.id, { to: 'signed', signedOn: '2026-11-20', agreementFileId });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ stage: 'signed', subStage: null, signedOn: '2026-11-20' });
    // Both moves are dated the same day by the test's clock: find the signing entry, not the first.
    const entries = (signed.json() as Recruitment).entries;
    expect(entries.find((e) => e.stageTo === 'signed')).toMatchObject({
      kind: 'signing',
      stageFrom: 'negotiating',
      stageTo: 'signed',
      content: '阶段变更：尽职调查 → 签约。签约日期 2026-11-20',
    });
  });

  it('the figures do not change while a record sits in the custom stage', async () => {
    const before = (await staff.get('/api/recruitment/plans/2026')).json();
    const record = await createRecord(staff);
    await setStage(record.id, 'negotiating');
    const count = async () =>
      rowsOf<{ n: number }>(
        await t.db.owner.execute(
          sql`SELECT count(*)::int AS n FROM recruitment_records WHERE region_code = '370828' AND stage = 'negotiating'`,
        ),
      )[0]?.n;
    const negotiating = await count();
    expect((await move(record.id, { to: 'negotiating', subStage: diligence })).statusCode).toBe(200);
    expect(await count()).toBe(negotiating);
    expect((await staff.get('/api/recruitment/plans/2026')).json()).toEqual(before);
  });

  it('refuses a custom stage the office does not have, and one of another built-in stage, with 409', async () => {
    const record = await createRecord(staff);
    await setStage(record.id, 'contacted');
    const unknown = await move(record.id, { to: 'negotiating', subStage: 'c_nothing' });
    expect(unknown.statusCode, unknown.body).toBe(409);
    expect(unknown.json().code).toBe('STAGE_TRANSITION');
    const wrongStage = await move(record.id, { to: 'signed', subStage: diligence });
    expect(wrongStage.statusCode).toBe(409);
  });

  it('a 签约 dated in the future is refused on signedOn; nothing is written', async () => {
    const record = await createRecord(staff);
    await setStage(record.id, 'negotiating');
    const agreementFileId = (await uploadFile(staff, '/api/files', PDF, 'agreement.pdf')).json().id;
    const res = await move(record.id, { to: 'signed', signedOn: '2099-01-01', agreementFileId });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'signedOn', message: '签约日期不能晚于今天' }]);
    const after = (await staff.get(`/api/recruitment/records/${record.id}`)).json() as Recruitment;
    expect(after).toMatchObject({ stage: 'negotiating', signedOn: null });
    expect(after.entries).toEqual([]);
  });
});
