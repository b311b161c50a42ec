import {
  type Achievement,
  NEED_STAGES,
  type Need,
  type NeedRecommendations,
  type NeedStage,
} from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Session, TestApp } from '../../test/harness.ts';
import { type MatchmakingTestbed, openMatchmakingTestbed } from './matchmaking.fixtures.ts';

let t: TestApp;
let staff: Session;
let hengxing: Session;
let sdu: Session;
let wsStaff: Session;
let bed: MatchmakingTestbed;

beforeAll(async () => {
  bed = await openMatchmakingTestbed();
  ({ t, staff, hengxing, sdu, wsStaff } = bed);
});
afterAll(() => t.close());

const enterpriseId = (name: string) => bed.enterpriseId(name);
const instituteId = (name: string) => bed.instituteId(name);
const createNeed: MatchmakingTestbed['createNeed'] = (...args) => bed.createNeed(...args);
const setNeedStage: MatchmakingTestbed['setNeedStage'] = (...args) => bed.setNeedStage(...args);
const publish = (id: string) => bed.publish(id);

/** The need pipeline's allowed moves, written by hand (not read from the declaration the server uses). */
const NEED_MOVES: Record<NeedStage, NeedStage[]> = {
  collected: ['reviewed', 'closed'],
  reviewed: ['published', 'collected', 'closed'],
  published: ['matching', 'closed'],
  matching: ['contracted', 'published', 'closed'],
  contracted: ['closed'],
  closed: ['collected'],
};

describe('need stages', () => {
  let need: Need;
  beforeAll(async () => {
    need = await createNeed(staff, '阶段规则测试需求');
  });
  for (const from of NEED_STAGES) {
    for (const to of NEED_STAGES) {
      const allowed = NEED_MOVES[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        await setNeedStage(need.id, from);
        const res = await staff.post(`/api/needs/${need.id}/stage`, { to });
        if (allowed) {
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json().stage).toBe(to);
          expect(res.json().allowedStages).toEqual(NEED_MOVES[to]);
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().code).toBe('STAGE_TRANSITION');
          expect(res.json().fields[0].path).toBe('to');
        }
      });
    }
  }

  it('moves a need into the office custom stage and on, keeping the built-in stage for figures', async () => {
    await setNeedStage(need.id, 'collected');
    await t.db.owner.execute(sql`
      INSERT INTO custom_stages (region_code, pipeline, code, refines, position, label, updated_at)
      VALUES ('370828', 'need', 'c_expert_review', 'reviewed', 1, '专家评审', now())
      ON CONFLICT DO NOTHING`);
    const into = await staff.post(`/api/needs/${need.id}/stage`, {
      to: 'reviewed',
      subStage: 'c_expert_review',
    });
    expect(into.statusCode, into.body).toBe(200);
    expect(into.json()).toMatchObject({ stage: 'reviewed', subStage: 'c_expert_review' });
    const listed = (await staff.get('/api/needs?stage=reviewed&pageSize=200')).json();
    expect(listed.items.map((n: Need) => n.id)).toContain(need.id);
    const unknown = await staff.post(`/api/needs/${need.id}/stage`, {
      to: 'published',
      subStage: 'c_nowhere',
    });
    expect(unknown.statusCode).toBe(409);
    const on = await staff.post(`/api/needs/${need.id}/stage`, { to: 'published' });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ stage: 'published', subStage: null });
    const audit = await t.db.owner.execute(
      sql`SELECT detail FROM audit_log WHERE target_id = ${need.id} AND action = 'stage' ORDER BY id DESC LIMIT 2`,
    );
    const rows = (Array.isArray(audit) ? audit : (audit as { rows: unknown[] }).rows) as {
      detail: unknown;
    }[];
    expect(rows.map((r) => r.detail)).toEqual([
      expect.objectContaining({ from: 'reviewed', fromSub: 'c_expert_review', to: 'published', toSub: null }),
      expect.objectContaining({ from: 'collected', to: 'reviewed', toSub: 'c_expert_review' }),
    ]);
    await t.db.owner.execute(sql`DELETE FROM custom_stages WHERE code = 'c_expert_review'`);
  });

  it('lets only the bureau review and publish; the enterprise only submits', async () => {
    const own = await createNeed(hengxing, '企业自己提交的需求');
    expect(own.stage).toBe('collected');
    const res = await hengxing.post(`/api/needs/${own.id}/stage`, { to: 'reviewed' });
    expect(res.statusCode).toBe(403);
    expect((await staff.post(`/api/needs/${own.id}/stage`, { to: 'reviewed' })).statusCode).toBe(200);
    // Reviewed: the enterprise can no longer edit it.
    const edit = await hengxing.put(`/api/needs/${own.id}`, { title: '改标题', description: '改描述' });
    expect(edit.statusCode).toBe(409);
  });

  it('answers bad input with 400 and field paths', async () => {
    const res = await staff.post('/api/needs', {
      title: '',
      description: 'x',
      budgetMinFen: 5,
      budgetMaxFen: 1,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toContain('title');
    const noEnterprise = await staff.post('/api/needs', { title: '无企业', description: '描述' });
    expect(noEnterprise.statusCode).toBe(400);
    expect(noEnterprise.json().fields[0].path).toBe('enterpriseId');
  });
});

describe('who sees which needs', () => {
  let own: Need;
  let other: Need;
  beforeAll(async () => {
    own = await createNeed(hengxing, '衡兴：耐高温涂层材料');
    other = await createNeed(staff, '鲁特：绕组自动化', {
      enterpriseId: enterpriseId('山东鲁特电工有限公司'),
    });
  });

  it('an enterprise user sees only their own enterprise’s needs, and cannot file one for another', async () => {
    const list = (await hengxing.get('/api/needs?pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((n: Need) => n.enterpriseName))).toEqual(
      new Set(['山东衡兴新材料有限公司']),
    );
    expect(list.items.map((n: Need) => n.id)).toContain(own.id);
    expect((await hengxing.get(`/api/needs/${other.id}`)).statusCode).toBe(404);
    // enterpriseId in the body is ignored: the need is filed for the user's own enterprise.
    const forged = await hengxing.post('/api/needs', {
      enterpriseId: enterpriseId('山东鲁特电工有限公司'),
      title: '伪造',
      description: '伪造',
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.json().enterpriseName).toBe('山东衡兴新材料有限公司');
    // An enterprise may read recommendations, of its own needs only: another's need is not there.
    expect((await hengxing.get(`/api/needs/${other.id}/recommendations`)).statusCode).toBe(404);
  });

  it('an institute partner reads only published needs; staff all of the region', async () => {
    const sduList = (await sdu.get('/api/needs?pageSize=200')).json();
    expect(sduList.items.every((n: Need) => n.stage === 'published' || n.stage === 'matching')).toBe(true);
    expect((await sdu.get(`/api/needs/${own.id}`)).statusCode).toBe(404);
    const staffList = (await staff.get('/api/needs?pageSize=200')).json();
    expect(staffList.items.map((n: Need) => n.id)).toEqual(expect.arrayContaining([own.id, other.id]));
  });

  it('the sibling county sees none of them', async () => {
    expect((await wsStaff.get('/api/needs?pageSize=200')).json().total).toBe(0);
    expect((await wsStaff.get(`/api/needs/${own.id}`)).statusCode).toBe(404);
    expect((await wsStaff.get(`/api/needs/${own.id}/recommendations`)).statusCode).toBe(404);
    expect((await wsStaff.get('/api/events')).json().total).toBe(0);
    expect((await wsStaff.get('/api/achievements')).json().total).toBe(0);
  });
});

describe('recommendations', () => {
  let need: Need;
  beforeAll(async () => {
    need = await createNeed(staff, '大蒜深加工中蒜氨酸的高效提取与稳定化技术', {
      enterpriseId: enterpriseId('金乡县蒜都食品有限公司'),
      keywords: ['蒜氨酸', '提取'],
    });
    await publish(need.id);
  });

  it('ranks institutes with their achievements and the matched terms', async () => {
    const res = await staff.get(`/api/needs/${need.id}/recommendations`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as NeedRecommendations;
    expect(body.institutes[0]?.name).toBe('江南大学');
    const best = body.institutes[0]?.achievements[0];
    expect(best?.title).toContain('蒜氨酸');
    expect(best?.matches.map((m) => m.term)).toContain('蒜氨酸');
    expect(body.institutes[0]?.terms).toContain('蒜氨酸');
    expect(body.achievements[0]?.title).toContain('蒜氨酸');
  });

  it('filters by maturity, institute city and level', async () => {
    const trl = (
      await staff.get(`/api/needs/${need.id}/recommendations?minTrl=7`)
    ).json() as NeedRecommendations;
    expect(trl.achievements.every((a) => a.trl >= 7)).toBe(true);
    const beijing = (
      await staff.get(`/api/needs/${need.id}/recommendations?city=${encodeURIComponent('北京')}`)
    ).json();
    expect(beijing.institutes.every((i: { city: string }) => i.city === '北京')).toBe(true);
    expect(beijing.institutes.map((i: { name: string }) => i.name)).not.toContain('江南大学');
    const provincial = (await staff.get(`/api/needs/${need.id}/recommendations?level=provincial`)).json();
    expect(provincial.institutes.every((i: { level: string }) => i.level === 'provincial')).toBe(true);
  });

  it('a new achievement shows up at once; a deleted one disappears', async () => {
    const created = await staff.post('/api/achievements', {
      instituteId: instituteId('天津大学'),
      title: '蒜氨酸结晶纯化与稳定化新工艺',
      abstract: '蒜氨酸高效提取后的结晶纯化与稳定化工艺，纯度99%。',
      keywords: ['蒜氨酸', '结晶'],
      trl: 5,
    });
    expect(created.statusCode, created.body).toBe(200);
    const a = created.json() as Achievement;
    const after = (
      await staff.get(`/api/needs/${need.id}/recommendations?top=20`)
    ).json() as NeedRecommendations;
    expect(after.achievements.map((x) => x.id)).toContain(a.id);
    expect((await staff.del(`/api/achievements/${a.id}`)).statusCode).toBe(200);
    const gone = (
      await staff.get(`/api/needs/${need.id}/recommendations?top=20`)
    ).json() as NeedRecommendations;
    expect(gone.achievements.map((x) => x.id)).not.toContain(a.id);
  });

  it('accepts a recommendation as a pairing once, rejects another with a reason, reports reasons per institute', async () => {
    const body = (await staff.get(`/api/needs/${need.id}/recommendations`)).json() as NeedRecommendations;
    const [first, second] = body.institutes;
    if (!first || !second) throw new Error('expected two institutes');
    const accepted = await staff.post('/api/pairings', {
      needId: need.id,
      instituteId: first.instituteId,
      achievementId: first.achievements[0]?.id ?? null,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(
      (await staff.post('/api/pairings', { needId: need.id, instituteId: first.instituteId })).statusCode,
    ).toBe(409);
    expect((await staff.get(`/api/needs/${need.id}`)).json().stage).toBe('matching');
    const noNote = await staff.post(`/api/needs/${need.id}/rejections`, {
      instituteId: second.instituteId,
      reason: 'other',
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().fields[0].path).toBe('note');
    // The demo data already holds rejections; the report must grow by exactly this one.
    type Reasons = { instituteId: string; total: number; reasons: Record<string, number> };
    const reasonsOf = async () =>
      ((await staff.get('/api/pairings/rejections')).json() as Reasons[]).find(
        (r) => r.instituteId === second.instituteId,
      );
    const before = await reasonsOf();
    const rejected = await staff.post(`/api/needs/${need.id}/rejections`, {
      instituteId: second.instituteId,
      reason: 'too_early',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const again = (await staff.get(`/api/needs/${need.id}/recommendations`)).json() as NeedRecommendations;
    expect(again.institutes.find((i) => i.instituteId === first.instituteId)?.status).toBe('accepted');
    expect(again.institutes.find((i) => i.instituteId === second.instituteId)).toMatchObject({
      status: 'rejected',
      rejectionReason: 'too_early',
    });
    expect(await reasonsOf()).toMatchObject({
      total: (before?.total ?? 0) + 1,
      reasons: { too_early: (before?.reasons.too_early ?? 0) + 1 },
    });
  });

  it('recommends open needs to an institute (the reverse direction), only its own for a partner', async () => {
    const res = await sdu.get(`/api/institutes/${instituteId('江南大学')}/need-recommendations`);
    expect(res.statusCode).toBe(404);
    const own = await sdu.get(`/api/institutes/${instituteId('山东大学')}/need-recommendations`);
    expect(own.statusCode, own.body).toBe(200);
    const staffView = (
      await staff.get(`/api/institutes/${instituteId('江南大学')}/need-recommendations`)
    ).json();
    expect(staffView.needs.map((n: { id: string }) => n.id)).toContain(need.id);
  });

  it('a second server process sees a change made through the first within its lag', async () => {
    const second = await buildApp({ db: t.db, clock: t.clock });
    await second.ready();
    try {
      const created = await staff.post('/api/achievements', {
        instituteId: instituteId('天津大学'),
        title: '蒜氨酸缓释胶囊制备技术',
        abstract: '蒜氨酸稳定化缓释胶囊。',
        keywords: ['蒜氨酸'],
        trl: 4,
      });
      const a = created.json() as Achievement;
      await new Promise((r) => setTimeout(r, 1100));
      const res = await second.inject({
        method: 'GET',
        url: `/api/needs/${need.id}/recommendations?top=30`,
        headers: { cookie: staff.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as NeedRecommendations).achievements.map((x) => x.id)).toContain(a.id);
    } finally {
      await second.close();
    }
  });
});

describe('events', () => {
  it('creates an event with invitations, signs an attendee in by QR token without a session, reports it', async () => {
    const need = await createNeed(staff, '新能源储电电池热管理需求', {
      enterpriseId: enterpriseId('山东鲁特电工有限公司'),
    });
    await publish(need.id);
    const res = await staff.post('/api/events', {
      title: '储能技术对接会（测试）',
      kind: 'forum',
      heldOn: '2026-11-29',
      place: '金乡县',
      organiser: '金乡县科学技术局',
      invitedEnterpriseIds: [enterpriseId('山东鲁特电工有限公司')],
      invitedInstituteIds: [instituteId('大连理工大学')],
      needIds: [need.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    const event = res.json();
    expect(event.invited).toBe(2);
    const token = event.checkinPath.split('/').pop();
    const info = await t.app.inject({ method: 'GET', url: `/api/checkin/${token}` });
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json().organisations).toContain('大连理工大学');
    const signIn = await t.app.inject({
      method: 'POST',
      url: `/api/checkin/${token}`,
      payload: { orgName: '大连理工大学', attendeeName: '高新宇', deviceId: 'phone-of-gao-xinyu-0001' },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const walkIn = await t.app.inject({
      method: 'POST',
      url: `/api/checkin/${token}`,
      payload: { orgName: '某新能源企业', attendeeName: '王五', deviceId: 'phone-of-wang-wu-000001' },
    });
    expect(walkIn.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/checkin/not-a-real-token-0000' })).statusCode,
    ).toBe(404);

    const pairing = await staff.post('/api/pairings', {
      needId: need.id,
      instituteId: instituteId('大连理工大学'),
      eventId: event.id,
      outcome: 'intention',
    });
    expect(pairing.statusCode, pairing.body).toBe(200);
    const detail = (await staff.get(`/api/events/${event.id}`)).json();
    expect(detail.attended).toBe(2);
    expect(
      detail.participants.find((p: { orgName: string }) => p.orgName === '大连理工大学').attendeeName,
    ).toBe('高新宇');
    expect(detail.pairingList.map((p: { id: string }) => p.id)).toEqual([pairing.json().id]);

    const docx = await staff.get(`/api/events/${event.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await wsStaff.get(`/api/events/${event.id}`)).statusCode).toBe(404);
  });

  it('demo data reproduces the year: 18 events', async () => {
    const page = (await staff.get('/api/events?year=2026&pageSize=200')).json();
    const demo = page.items.filter((e: { title: string }) => !e.title.includes('测试'));
    expect(demo).toHaveLength(18);
  });
});

describe('achievement imports', () => {
  it('imports JSONL in the corpus format, creating missing institutes, with per-line problems', async () => {
    const lines = [
      JSON.stringify({
        id: 'x1',
        owners: ['测试研究院'],
        title: '一种催化合成方法',
        keywords: ['催化'],
        text: '催化合成。',
      }),
      'not json',
      JSON.stringify({ id: 'x2', owners: [], title: '无主' }),
      JSON.stringify({ id: 'x3', owners: ['山东大学'], title: '另一种材料', keywords: [], text: '材料。' }),
    ].join('\n');
    const boundary = 'gaodi-test-boundary';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n${lines}\r\n--${boundary}--\r\n`,
    );
    const res = await staff.request({
      method: 'POST',
      url: '/api/achievements/import-jsonl',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, institutesCreated: 1 });
    expect(res.json().problems.map((p: { line: number }) => p.line)).toEqual([2, 3]);
  });
});

describe('an import is atomic', () => {
  it('a JSONL import that fails part-way leaves no institute (nor achievement) behind', async () => {
    // An institute deleted from the directory keeps its name (unique per region): creating it
    // again fails, after the import has already created another institute in the same run.
    const gone = await staff.post('/api/institutes', {
      name: '已删除的导入测试院所',
      kind: 'research',
      level: 'other',
      city: '',
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await staff.del(`/api/institutes/${gone.json().id}`)).statusCode).toBe(200);
    const lines = [
      JSON.stringify({ owners: ['原子导入新建研究院'], title: '原子导入成果一', text: '一。' }),
      JSON.stringify({ owners: ['已删除的导入测试院所'], title: '原子导入成果二', text: '二。' }),
    ].join('\n');
    const boundary = 'gaodi-atomic-boundary';
    const res = await staff.request({
      method: 'POST',
      url: '/api/achievements/import-jsonl',
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n${lines}\r\n--${boundary}--\r\n`,
      ),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(409);
    const left = await staff.get(`/api/institutes?q=${encodeURIComponent('原子导入新建研究院')}`);
    expect(left.json().total).toBe(0);
    const achievementsLeft = await staff.get(`/api/achievements?q=${encodeURIComponent('原子导入成果')}`);
    expect(achievementsLeft.json().total).toBe(0);
  });
});

describe('achievement .xlsx import', () => {
  it('previews with per-row problems, writes only the valid rows on confirm', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成果');
    ws.addRow(['成果名称', '所属院所', '成果简介', '关键词', '技术成熟度', '知识产权类型', '合作方式']);
    ws.addRow([
      '蒜皮纤维素提取工艺',
      '山东大学',
      '以蒜皮为原料提取纤维素。',
      '蒜皮、纤维素',
      '5',
      '发明专利',
      '技术转让、技术开发',
    ]);
    ws.addRow(['无院所成果', '不存在的大学', '简介', '', '5', '', '']);
    ws.addRow(['成熟度错误', '山东大学', '简介', '', '12', '', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = 'gaodi-xlsx-boundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const preview = await staff.request({
      method: 'POST',
      url: '/api/achievements/import',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body).toMatchObject({ totalRows: 3, validRows: 1 });
    expect(body.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '所属院所' }),
        expect.objectContaining({ row: 4, column: '技术成熟度' }),
      ]),
    );
    const confirm = await staff.confirmImport('/api/achievements/import/confirm', body.token);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toEqual({ created: 1, updated: 0 });
    const list = (await staff.get(`/api/achievements?q=${encodeURIComponent('蒜皮纤维素')}`)).json();
    expect(list.items[0]).toMatchObject({ instituteName: '山东大学', trl: 5, ipType: 'invention_patent' });
    expect((await staff.confirmImport('/api/achievements/import/confirm', body.token)).statusCode).toBe(400);
  });
});
