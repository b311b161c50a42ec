import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

type Entry = {
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  targetHref: string | null;
  actorName: string;
  detail: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
};

describe('audit log as the audit administrator reads it: named, linked, before/after, filtered, exported', () => {
  let t: TestApp;
  let staff: Session;
  let auditor: Session;
  let instituteId: string;
  let needId: string;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await t.login('jx_staff');
    auditor = await t.login('auditor');
    const created = await staff.post('/api/institutes', {
      name: '审计测试研究院',
      kind: 'research',
      level: 'provincial',
      city: '济南',
    });
    expect(created.statusCode, created.body).toBe(200);
    instituteId = created.json().id;
    const renamed = await staff.put(`/api/institutes/${instituteId}`, {
      name: '审计测试研究院（更名）',
      kind: 'research',
      level: 'provincial',
      city: '青岛',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const needs = (await staff.get('/api/needs?pageSize=100')).json().items as {
      id: string;
      stage: string;
    }[];
    needId = needs.find((n) => n.stage === 'collected')?.id ?? '';
    const moved = await staff.post(`/api/needs/${needId}/stage`, { to: 'reviewed' });
    expect(moved.statusCode, moved.body).toBe(200);
  });
  afterAll(() => t.close());

  it('an update names its record, links to it and lists each changed field before and after', async () => {
    const res = await auditor.get(`/api/audit?targetType=institute&targetId=${instituteId}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as Entry[];
    expect(rows.map((r) => r.action)).toEqual(['update', 'create']);
    const update = rows[0];
    expect(update?.targetName).toBe('审计测试研究院（更名）');
    expect(update?.targetHref).toBe(`/institutes/${instituteId}`);
    expect(update?.detail?.before).toEqual({ name: '审计测试研究院', city: '济南' });
    expect(update?.detail?.after).toEqual({ name: '审计测试研究院（更名）', city: '青岛' });
  });

  it('edits of events, recruitment records and projects list each changed field before and after', async () => {
    const changeOf = async (targetType: string, id: string) =>
      (
        (await auditor.get(`/api/audit?targetType=${targetType}&targetId=${id}&action=update`)).json()
          .items[0] as Entry | undefined
      )?.detail;
    const [event] = (await staff.get('/api/events?pageSize=1')).json().items;
    const edited = await staff.put(`/api/events/${event.id}`, {
      ...event,
      title: `${event.title}（改）`,
      summary: '',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await changeOf('event', event.id)).toMatchObject({
      before: { title: event.title },
      after: { title: `${event.title}（改）` },
    });
    const [record] = (await staff.get('/api/recruitment/records?pageSize=1')).json().items;
    const grade = record.grade === 'A' ? 'B' : 'A';
    const patched = await staff.patch(`/api/recruitment/records/${record.id}`, { grade });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await changeOf('recruitment', record.id)).toEqual({
      before: { grade: record.grade },
      after: { grade },
    });
    const [project] = (await staff.get('/api/projects?pageSize=1')).json().items;
    const renamed = await staff.patch(`/api/projects/${project.id}`, { title: `${project.title}（二期）` });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await changeOf('project', project.id)).toEqual({
      before: { title: project.title },
      after: { title: `${project.title}（二期）` },
    });
  });

  it('a stage move (the one stage mover) records the stage before and after by name', async () => {
    const res = await auditor.get(`/api/audit?action=stage&targetType=need&actor=jx_staff`);
    const move = (res.json().items as Entry[]).find((r) => r.targetId === needId);
    expect(move?.targetHref).toBe(`/needs/${needId}`);
    expect(move?.targetName).toBeTruthy();
    expect(move?.detail?.before).toMatchObject({ stage: '已征集' });
    expect(move?.detail?.after).toMatchObject({ stage: '已审核' });
  });

  it('exports the filtered log as .xlsx (audit admin only), audited, and the chain stays whole', async () => {
    expect((await staff.get('/api/audit/export.xlsx')).statusCode).toBe(403);
    const res = await auditor.get(`/api/audit/export.xlsx?targetType=institute&targetId=${instituteId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['操作', '对象', '变更前', '变更后']));
    const first = sheet.getRow(4).values as unknown[];
    expect(first).toEqual(expect.arrayContaining(['修改', '院所', '审计测试研究院（更名）', 'jx_staff']));
    expect(String(first[header.indexOf('变更前') + 1])).toContain('name: 审计测试研究院');
    const exported = (await auditor.get('/api/audit?action=export&targetType=audit')).json().items as Entry[];
    expect(exported[0]?.actorName).toBe('auditor');
    const verify = await auditor.post('/api/audit/verify', { anchors: [] });
    expect(verify.json().ok).toBe(true);
  });
});
