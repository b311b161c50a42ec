import type {
  EventPage,
  LedgerImportPreview,
  MatchmakingEvent,
  Recruitment,
  RecruitmentPage,
  StageLabel,
  StageLabels,
  StagePipeline,
} from '@gaodi/contracts';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../platform/auth/auth.table.ts';
import { rowsOf } from '../../platform/db/database.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let countyAdmin: Session;
let cityAdmin: Session;
let jxStaff: Session;
let wsStaff: Session;

beforeAll(async () => {
  t = await createTestApp();
  // The demo has no administrator in the city (济宁市): one like the county's, for the city's names.
  const [sysadmin] = await t.db.owner.select().from(users).where(eq(users.username, 'sysadmin'));
  if (!sysadmin) throw new Error('demo sysadmin missing');
  const { id: _id, createdAt: _at, ...rest } = sysadmin;
  await t.db.owner.insert(users).values({ ...rest, username: 'jn_sysadmin', regionCode: '370800' });
  countyAdmin = await t.login('sysadmin');
  cityAdmin = await t.login('jn_sysadmin');
  jxStaff = await t.login('jx_staff');
  wsStaff = await t.login('ws_staff');
});
afterAll(() => t.close());

async function labels(session: Session): Promise<StageLabels> {
  const res = await session.get('/api/settings/stage-labels');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StageLabels;
}
async function stage(session: Session, pipeline: StagePipeline, code: string): Promise<StageLabel> {
  const found = (await labels(session)).pipelines
    .find((p) => p.pipeline === pipeline)
    ?.stages.find((s) => s.stage === code);
  if (!found) throw new Error(`no stage ${pipeline}/${code}`);
  return found;
}
const put = (session: Session, body: unknown) => session.put('/api/settings/stage-labels', body);
const auditCount = async () =>
  rowsOf<{ n: number }>(
    await t.db.owner.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'stage_label'`),
  )[0]?.n ?? 0;

describe('stage names per office', () => {
  it('shows the built-in names until an office names its stages', async () => {
    const negotiating = await stage(jxStaff, 'recruitment', 'negotiating');
    expect(negotiating).toMatchObject({
      name: '洽谈',
      source: 'default',
      sourceRegionCode: null,
      defaultName: { zh: '洽谈', en: 'Negotiating' },
    });
    const all = await labels(jxStaff);
    expect(all.pipelines.map((p) => p.pipeline)).toEqual([
      'recruitment',
      'need',
      'project',
      'service_request',
      'decision',
      'incubatee',
    ]);
    expect(all.pipelines[1]?.stages.map((s) => s.name)).toEqual([
      '已征集',
      '已审核',
      '已发布',
      '对接中',
      '已签约',
      '已关闭',
    ]);
  });

  it('a county renames 洽谈 → 深度洽谈: its people see it, the sibling county does not; one audit row', async () => {
    const before = await auditCount();
    const res = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'negotiating', label: '深度洽谈', description: '已提交合作方案，商谈条款' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await auditCount()).toBe(before + 1);
    expect(await stage(jxStaff, 'recruitment', 'negotiating')).toMatchObject({
      name: '深度洽谈',
      description: '已提交合作方案，商谈条款',
      source: 'own',
      sourceRegionCode: '370828',
      inherited: { name: '洽谈', regionCode: null },
      own: { label: '深度洽谈' },
    });
    expect(await stage(wsStaff, 'recruitment', 'negotiating')).toMatchObject({
      name: '洽谈',
      source: 'default',
    });
  });

  it('names the office’s stages in a refused move and in the ledger entry a move writes', async () => {
    const contacted = (
      await jxStaff.get('/api/recruitment/records?stage=contacted&pageSize=1')
    ).json() as RecruitmentPage;
    const record = contacted.items[0];
    if (!record) throw new Error('the demo has no record in 接洽');
    const refused = await jxStaff.post(`/api/recruitment/records/${record.id}/stage`, { to: 'operating' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields[0].message).toContain('深度洽谈');
    const moved = await jxStaff.post(`/api/recruitment/records/${record.id}/stage`, { to: 'negotiating' });
    expect(moved.statusCode, moved.body).toBe(200);
    const entries = (moved.json() as Recruitment).entries.map((e) => e.content);
    expect(entries).toContain('阶段变更：接洽 → 深度洽谈');
  });

  it('a city’s name reaches its counties unless a county names the stage itself', async () => {
    const res = await put(cityAdmin, {
      pipeline: 'recruitment',
      stages: [
        { stage: 'lead', label: '招引线索', description: null },
        { stage: 'negotiating', label: '洽谈推进', description: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await stage(wsStaff, 'recruitment', 'lead')).toMatchObject({
      name: '招引线索',
      source: 'inherited',
      sourceRegionCode: '370800',
      sourceRegionName: '济宁市',
    });
    expect(await stage(wsStaff, 'recruitment', 'negotiating')).toMatchObject({ name: '洽谈推进' });
    // Jinxiang named 洽谈 itself: its own name wins, the city's shows as what it would inherit.
    expect(await stage(jxStaff, 'recruitment', 'negotiating')).toMatchObject({
      name: '深度洽谈',
      source: 'own',
      inherited: { name: '洽谈推进', regionCode: '370800' },
    });
    expect(await stage(jxStaff, 'recruitment', 'lead')).toMatchObject({
      name: '招引线索',
      source: 'inherited',
    });
    // The city's leader sees the city's names; the counties' own names stay theirs.
    const jnLeader = await t.login('jn_leader');
    expect(await stage(jnLeader, 'recruitment', 'negotiating')).toMatchObject({
      name: '洽谈推进',
      source: 'own',
    });

    // Clearing the county's own name brings the city's back.
    const cleared = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'negotiating', label: null, description: null }],
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await stage(jxStaff, 'recruitment', 'negotiating')).toMatchObject({
      name: '洽谈推进',
      source: 'inherited',
      own: { label: null, description: null },
    });
    const again = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'negotiating', label: '深度洽谈', description: null }],
    });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('refuses two stages of one pipeline with the same name, on that field', async () => {
    const before = await auditCount();
    // 签约 is still the built-in name of `signed`.
    const res = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [
        { stage: 'landed', label: '落地投产', description: null },
        { stage: 'operating', label: '签约', description: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'stages.1.label', message: '与“签约”阶段重名' }]);
    // Also against a name inherited from the city.
    const inherited = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'contacted', label: '招引线索', description: null }],
    });
    expect(inherited.statusCode, inherited.body).toBe(400);
    expect(inherited.json().fields[0].path).toBe('stages.0.label');
    // The whole pipeline sent (as the page does): the problem is on the name typed, not its twin.
    const all = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [
        { stage: 'signed', label: null, description: null },
        { stage: 'landed', label: '签约', description: null },
      ],
    });
    expect(all.statusCode, all.body).toBe(400);
    expect(all.json().fields).toEqual([{ path: 'stages.1.label', message: '与“签约”阶段重名' }]);
    expect(await auditCount()).toBe(before);
    expect(await stage(jxStaff, 'recruitment', 'landed')).toMatchObject({ name: '落地' });
  });

  it('refuses a city name that collides with a name a county below already uses', async () => {
    const county = await put(countyAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'lead', label: '意向摸排', description: '' }],
    });
    expect(county.statusCode, county.body).toBe(200);
    const city = await put(cityAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'contacted', label: '意向摸排', description: '' }],
    });
    expect(city.statusCode).toBe(400);
    expect(city.json().fields).toEqual([
      { path: 'stages.0.label', message: '金乡县已将“意向摸排”用作另一阶段的名称' },
    ]);
    expect((await stage(jxStaff, 'recruitment', 'contacted')).name).not.toBe('意向摸排');
    // The same name for the stage the county named itself does not collide (the county's wins).
    const same = await put(cityAdmin, {
      pipeline: 'recruitment',
      stages: [{ stage: 'lead', label: '意向摸排', description: '' }],
    });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('validates names: 1–12 characters, no control characters, stages of the pipeline', async () => {
    const bad = async (body: unknown, path: string) => {
      const res = await put(countyAdmin, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(path);
    };
    const one = (s: Record<string, unknown>) => ({ pipeline: 'need', stages: [{ description: null, ...s }] });
    await bad(one({ stage: 'reviewed', label: '一二三四五六七八九十一二三' }), 'stages.0.label');
    await bad(one({ stage: 'reviewed', label: '   ' }), 'stages.0.label');
    await bad(one({ stage: 'reviewed', label: '审核\n通过' }), 'stages.0.label');
    await bad(one({ stage: 'negotiating', label: '洽谈' }), 'stages.0.stage');
    const ok = await put(countyAdmin, one({ stage: 'reviewed', label: '一二三四五六七八九十一二' }));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('lets only the office’s administrator change names; every working role reads them', async () => {
    for (const who of ['jx_staff', 'jx_lead', 'jx_leader']) {
      const s = await t.login(who);
      const res = await put(s, {
        pipeline: 'recruitment',
        stages: [{ stage: 'lead', label: '线索池', description: null }],
      });
      expect(res.statusCode, who).toBe(403);
      expect((await s.get('/api/settings/stage-labels')).statusCode).toBe(200);
    }
    const auditor = await t.login('auditor');
    expect((await auditor.get('/api/settings/stage-labels')).statusCode).toBe(403);
  });

  it('prints the office’s names in the ledger export, and reads them back on import', async () => {
    const negotiating = (
      await jxStaff.get('/api/recruitment/records?stage=negotiating&pageSize=1')
    ).json() as RecruitmentPage;
    const institute = negotiating.items[0]?.instituteName;
    if (!institute) throw new Error('the demo has no record in 洽谈');
    const res = await jxStaff.get('/api/recruitment/ledger.xlsx?month=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('工作台账');
    if (!sheet) throw new Error('no summary sheet');
    let header: unknown[] = [];
    sheet.eachRow((row) => {
      if (header.length === 0 && (row.values as unknown[]).includes('招引阶段'))
        header = row.values as unknown[];
    });
    let shown = '';
    sheet.eachRow((row) => {
      if (String(row.getCell(header.indexOf('院所名称')).value) === institute)
        shown = String(row.getCell(header.indexOf('招引阶段')).value);
    });
    expect(shown).toBe('深度洽谈');

    // The same file imports back: 深度洽谈 is read as `negotiating`, so nothing is a problem.
    const boundary = '----gaodi-stage-labels';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      res.rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imported = await jxStaff.request({
      method: 'POST',
      url: '/api/recruitment/ledger/import',
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    const preview = imported.json() as LedgerImportPreview;
    expect(preview.problems).toEqual([]);
    expect(preview.recordsToCreate).toBe(0);
  });

  it('prints the office’s project stage names in the event report', async () => {
    const events = (await jxStaff.get('/api/events?pageSize=200')).json() as EventPage;
    let event: MatchmakingEvent | undefined;
    for (const e of events.items.filter((x) => x.projectsSigned > 0)) {
      const detail = (await jxStaff.get(`/api/events/${e.id}`)).json() as MatchmakingEvent;
      if (detail.projects.length > 0) event = detail;
      if (event) break;
    }
    if (!event) throw new Error('the demo has no event with a project');
    const code = event.projects[0]?.stage as string;
    const res = await put(countyAdmin, {
      pipeline: 'project',
      stages: [{ stage: code, label: '本县专用名', description: null }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const docx = await jxStaff.get(`/api/events/${event.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('本县专用名');
  });
});
