import { type Recruitment, STAGES, type Stage } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/database.ts';
import { chinaDay } from '../../platform/jobs/jobs.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { createRecord, PDF, uploadFile } from './recruitment.fixtures.ts';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

const setStage = (id: string, stage: Stage) =>
  t.db.owner.execute(sql`UPDATE recruitment_records SET stage = ${stage} WHERE id = ${id}::uuid`);

describe('demo data: the article’s figures come from the records', () => {
  it('the 2026 plan shows 9 institutes recruited and 6 operating a platform', async () => {
    const res = await staff.get('/api/recruitment/plans/2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ targetRecruited: 9, targetOperating: 6, recruited: 9, operating: 6 });
  });
});

describe('attachments', () => {
  it('accepts a PDF by its content and refuses other content, whatever the name says', async () => {
    const ok = await uploadFile(staff, '/api/files', PDF, '协议.pdf');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '协议.pdf', mime: 'application/pdf' });
    const fake = await uploadFile(staff, '/api/files', Buffer.from('MZ not a pdf at all'), 'agreement.pdf');
    expect(fake.statusCode).toBe(415);
    const back = await staff.get(`/api/files/${ok.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.rawPayload.equals(PDF)).toBe(true);
  });
});

// The allowed moves written out by hand (DESIGN.md), not read from the declaration the server uses.
const MOVES: Record<Stage, Stage[]> = {
  lead: ['contacted', 'shelved', 'dropped'],
  contacted: ['negotiating', 'lead', 'shelved', 'dropped'],
  negotiating: ['signed', 'contacted', 'shelved', 'dropped'],
  signed: ['landed', 'dropped'],
  landed: ['operating', 'dropped'],
  operating: [],
  shelved: ['lead', 'contacted', 'negotiating', 'dropped'],
  dropped: ['lead'],
};

describe('stage transitions', () => {
  let record: Recruitment;
  let agreementFileId: string;
  beforeAll(async () => {
    record = await createRecord(staff);
    agreementFileId = (await uploadFile(staff, '/api/files', PDF, 'agreement.pdf')).json().id;
  });

  const complete = (to: Stage) => ({
    to,
    signedOn: '2026-11-20',
    agreementFileId,
    platform: { name: `平台${Math.random().toString(36).slice(2, 8)}`, kind: 'joint_lab', level: 'county' },
    reason: '院所调整合作方向',
  });

  for (const from of STAGES) {
    for (const to of STAGES) {
      const allowed = MOVES[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        await setStage(record.id, from);
        // One second apart, as real moves are: the timeline orders entries written on the same day by time.
        t.clock.set(new Date(t.clock.now().getTime() + 1000));
        const res = await staff.post(`/api/recruitment/records/${record.id}/stage`, complete(to));
        if (allowed) {
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json() as Recruitment;
          expect(body.stage).toBe(to);
          expect(body.entries[0]).toMatchObject({ stageFrom: from, stageTo: to });
          expect(body.allowedStages).toEqual(MOVES[to]);
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().code).toBe('STAGE_TRANSITION');
        }
      });
    }
  }

  it('asks for the signing date and the agreement, per field, before 签约', async () => {
    await setStage(record.id, 'negotiating');
    const res = await staff.post(`/api/recruitment/records/${record.id}/stage`, { to: 'signed' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['agreementFileId', 'signedOn']);
    const unknownFile = await staff.post(`/api/recruitment/records/${record.id}/stage`, {
      to: 'signed',
      signedOn: '2026-11-01',
      agreementFileId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownFile.statusCode).toBe(400);
    expect(unknownFile.json().fields[0].path).toBe('agreementFileId');
  });

  it('asks for a platform before 运营 and a reason before 搁置/终止', async () => {
    await setStage(record.id, 'landed');
    const noPlatform = await staff.post(`/api/recruitment/records/${record.id}/stage`, { to: 'operating' });
    expect(noPlatform.statusCode).toBe(400);
    expect(noPlatform.json().fields[0].path).toBe('platformId');
    const noReason = await staff.post(`/api/recruitment/records/${record.id}/stage`, { to: 'dropped' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields[0].path).toBe('reason');
    const withPlatform = await staff.post(`/api/recruitment/records/${record.id}/stage`, {
      to: 'operating',
      platform: { name: '测试联合实验室', kind: 'joint_lab', level: 'county', partners: ['测试研究院'] },
    });
    expect(withPlatform.statusCode).toBe(200);
    expect(withPlatform.json()).toMatchObject({ stage: 'operating', platformName: '测试联合实验室' });
  });

  it('lets a helper read but not move, and an enterprise user not even read', async () => {
    const helper = await t.login('jx_helper');
    expect((await helper.get(`/api/recruitment/records/${record.id}`)).statusCode).toBe(200);
    expect(
      (await helper.post(`/api/recruitment/records/${record.id}/stage`, { to: 'dropped', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const enterprise = await t.login('hengxing');
    expect((await enterprise.get('/api/recruitment/records')).statusCode).toBe(403);
  });
});

describe('ledger entries', () => {
  it('keeps the newest entry’s next step on the record, edits within 7 days, refuses after, allows a correction', async () => {
    // The database's trigger counts the 7 days from the later of its own clock and the app's: the
    // app's clock starts at the real now, and every day is counted from it.
    const start = t.clock.now();
    t.clock.set(new Date());
    staff = await t.login('jx_staff');
    const dayAfter = (n: number) => chinaDay(new Date(t.clock.now().getTime() + n * 86_400_000));
    const record = await createRecord(staff);
    const day = dayAfter(0);
    const add = await staff.post(`/api/recruitment/records/${record.id}/entries`, {
      entryOn: day,
      kind: 'visit',
      participants: '张敏、李强',
      content: '走访院所，商谈共建中试基地',
      nextStep: '提交合作方案',
      nextDate: dayAfter(11),
    });
    expect(add.statusCode, add.body).toBe(200);
    const created = add.json() as Recruitment;
    expect(created).toMatchObject({ lastEntryOn: day, nextStep: '提交合作方案', nextDate: dayAfter(11) });
    const entry = created.entries[0];
    expect(entry?.isEditable).toBe(true);
    const body = {
      entryOn: day,
      kind: 'visit',
      content: '走访院所，商谈共建中试基地（补充）',
      nextStep: '提交合作方案',
      nextDate: dayAfter(11),
    };

    t.clock.advanceDays(6);
    staff = await t.login('jx_staff'); // sessions idle out when the clock jumps
    expect((await staff.put(`/api/recruitment/entries/${entry?.id}`, body)).statusCode).toBe(200);

    t.clock.advanceDays(2);
    staff = await t.login('jx_staff');
    const late = await staff.put(`/api/recruitment/entries/${entry?.id}`, body);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('LEDGER_LOCKED');
    const detail = (await staff.get(`/api/recruitment/records/${record.id}`)).json() as Recruitment;
    expect(detail.entries[0]?.isEditable).toBe(false);

    const correction = await staff.post(`/api/recruitment/records/${record.id}/entries`, {
      entryOn: dayAfter(0),
      kind: 'other',
      content: '更正：11月29日走访参与人员应为张敏、王芳',
      correctsId: entry?.id,
    });
    expect(correction.statusCode, correction.body).toBe(200);
    expect((correction.json() as Recruitment).entries[0]?.correctsId).toBe(entry?.id);
    t.clock.set(start);
    staff = await t.login('jx_staff');
  });

  it('is enforced by the database too: an old entry cannot be updated or deleted even by direct SQL', async () => {
    const record = await createRecord(staff);
    const [row] = rowsOf<{ id: string }>(
      await t.db.owner.execute(sql`
        INSERT INTO recruitment_entries (region_code, record_id, entry_on, kind, content, author_name, created_at)
        VALUES ('370828', ${record.id}::uuid, '2026-11-01', 'call', '电话沟通', '张敏', now() - interval '10 days')
        RETURNING id`),
    );
    const scope = { userId: null, role: 'staff', regionCodes: ['370828'] };
    await expect(
      t.db.transaction(scope, (tx) =>
        tx.execute(sql`UPDATE recruitment_entries SET content = '改写' WHERE id = ${row?.id}::uuid`),
      ),
    ).rejects.toThrow();
    await expect(
      t.db.transaction(scope, (tx) =>
        tx.execute(sql`DELETE FROM recruitment_entries WHERE id = ${row?.id}::uuid`),
      ),
    ).rejects.toThrow();
    await expect(
      t.db.owner.execute(sql`UPDATE recruitment_entries SET content = '改写' WHERE id = ${row?.id}::uuid`),
    ).rejects.toThrow();
  });

  it('refuses entries dated in the future and corrections of another record’s entry, with field paths', async () => {
    const a = await createRecord(staff);
    const b = await createRecord(staff);
    const inA = (
      await staff.post(`/api/recruitment/records/${a.id}/entries`, {
        entryOn: '2026-11-28',
        kind: 'call',
        content: '电话',
      })
    ).json() as Recruitment;
    const res = await staff.post(`/api/recruitment/records/${b.id}/entries`, {
      entryOn: '2027-01-01',
      kind: 'call',
      content: '电话',
      correctsId: inA.entries[0]?.id,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['correctsId', 'entryOn']);
  });
});
