import type { LedgerImportPreview, Recruitment, RecruitmentBoard, RecruitmentPage } from '@gaodi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { createRecord, PDF, uploadFile } from './recruitment.fixtures.ts';
import { DETAIL_SHEET, SUMMARY_SHEET } from './recruitment.report.ts';

let a: TestApp;
let staff: Session;
const made: Recruitment[] = [];

beforeAll(async () => {
  a = await createTestApp();
  staff = await a.login('jx_staff');
  const agreement = (await uploadFile(staff, '/api/files', PDF, '框架协议.pdf')).json().id as string;
  for (let i = 0; i < 3; i++) {
    const r = await createRecord(staff, { name: `台账往返测试研究院${i}`, isGreenChannel: i === 1 });
    await staff.post(`/api/recruitment/records/${r.id}/entries`, {
      entryOn: '2026-11-03',
      kind: 'visit',
      participants: '张敏、李强',
      content: `=走访第${i}家，座谈合作方向`,
      result: '达成初步意向',
      nextStep: '提交合作方案',
      nextDate: '2026-12-15',
    });
    await staff.post(`/api/recruitment/records/${r.id}/entries`, {
      entryOn: '2026-10-20',
      kind: 'call',
      content: `电话联系第${i}家`,
    });
    await staff.post(`/api/recruitment/records/${r.id}/stage`, { to: 'contacted', note: '已建立联系' });
  }
  const signed = await createRecord(staff, { name: '台账往返测试大学' });
  await staff.post(`/api/recruitment/records/${signed.id}/stage`, { to: 'contacted' });
  await staff.post(`/api/recruitment/records/${signed.id}/stage`, { to: 'negotiating' });
  await staff.post(`/api/recruitment/records/${signed.id}/stage`, {
    to: 'signed',
    signedOn: '2026-11-18',
    agreementFileId: agreement,
  });
  const list = (
    await staff.get('/api/recruitment/records?q=台账往返测试&pageSize=100')
  ).json() as RecruitmentPage;
  for (const item of list.items) made.push((await staff.get(`/api/recruitment/records/${item.id}`)).json());
});
afterAll(() => a.close());

async function exportLedger(session: Session, query: string) {
  const res = await session.get(`/api/recruitment/ledger.xlsx?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return { buffer: res.rawPayload, wb };
}

const dataRows = (ws: ExcelJS.Worksheet | undefined) => {
  const rows: string[][] = [];
  ws?.eachRow((row, n) => {
    if (n > 3)
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) =>
            typeof v === 'object' && v && 'richText' in v
              ? (v as { richText: { text: string }[] }).richText.map((x) => x.text).join('')
              : String(v ?? ''),
          ),
      );
  });
  return rows;
};

async function importLedger(session: Session, file: Buffer) {
  const boundary = '----gaodi-ledger';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await session.request({
    method: 'POST',
    url: '/api/recruitment/ledger/import',
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LedgerImportPreview;
}

describe('monthly ledger export', () => {
  it('has a title with region and month, one row per record with the month’s entries summarised, a detail sheet and per-record sheets', async () => {
    const { wb } = await exportLedger(staff, 'month=2026-11');
    const summary = wb.getWorksheet(SUMMARY_SHEET);
    expect(String(summary?.getCell(1, 1).value)).toBe('金乡县大院大所招引工作台账（2026年11月）');
    const rows = dataRows(summary);
    const row = rows.find((r) => r[1] === '台账往返测试研究院0');
    expect(row?.[3]).toBe('接洽');
    expect(row?.[8]).toContain('11月3日 走访：=走访第0家，座谈合作方向（达成初步意向）');
    expect(row?.[8]).not.toContain('电话联系'); // an October entry is not this month's work
    expect(row?.[9]).toBe('提交合作方案');
    expect(row?.[11]).toBe('张敏');
    const detail = dataRows(wb.getWorksheet(DETAIL_SHEET));
    expect(detail.some((d) => d[5] === '=走访第0家，座谈合作方向')).toBe(true); // formula-looking text stays text
    expect(detail.some((d) => d[5] === '电话联系第0家')).toBe(false);
    expect(wb.worksheets.length).toBeGreaterThan(2 + made.length - 1);
  });

  it('refuses a malformed month with the field path', async () => {
    const res = await staff.get('/api/recruitment/ledger.xlsx?month=2026-13');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('month');
  });
});

describe('export → import round trip', () => {
  it('re-importing an export into the same county adds nothing', async () => {
    const { buffer } = await exportLedger(staff, 'month=2026-11&isFullHistory=true');
    const preview = await importLedger(staff, buffer);
    expect(preview.problems).toEqual([]);
    expect(preview).toMatchObject({ recordsToCreate: 0, entriesToCreate: 0 });
    expect(preview.entriesSkipped).toBeGreaterThanOrEqual(made.reduce((s, r) => s + r.entries.length, 0));
  });

  it('keeps every record and entry when imported into another database', async () => {
    const { buffer } = await exportLedger(staff, 'month=2026-11&isFullHistory=true');
    const b = await createTestApp();
    try {
      const other = await b.login('jx_staff');
      const preview = await importLedger(other, buffer);
      expect(preview.problems).toEqual([]);
      expect(preview.recordsToCreate).toBe(made.length);
      const done = await other.confirmImport('/api/recruitment/ledger/import/confirm', preview.token);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ recordsCreated: made.length, institutesCreated: made.length });
      for (const original of made) {
        const found = (
          await other.get(`/api/recruitment/records?q=${encodeURIComponent(original.instituteName)}`)
        ).json() as RecruitmentPage;
        expect(found.items).toHaveLength(1);
        const copy = (
          await other.get(`/api/recruitment/records/${found.items[0]?.id}`)
        ).json() as Recruitment;
        expect(copy).toMatchObject({
          stage: original.stage,
          grade: original.grade,
          isGreenChannel: original.isGreenChannel,
          signedOn: original.signedOn,
          nextStep: original.nextStep,
          nextDate: original.nextDate,
          owner: { name: original.owner?.name },
          taskForceLead: { name: original.taskForceLead?.name },
        });
        const key = (e: Recruitment['entries'][number]) =>
          [
            e.entryOn,
            e.kind,
            e.content,
            e.result,
            e.nextStep,
            e.nextDate,
            e.stageFrom,
            e.stageTo,
            e.authorName,
          ].join('|');
        expect(copy.entries.map(key).sort()).toEqual(original.entries.map(key).sort());
      }
      // and importing the same file again adds nothing
      const again = await importLedger(other, buffer);
      expect(again).toMatchObject({ recordsToCreate: 0, entriesToCreate: 0 });
    } finally {
      await b.close();
    }
  });

  it('reports bad rows per row and column and imports none of them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SUMMARY_SHEET);
    ws.addRow(['金乡县大院大所招引工作台账']);
    ws.addRow(['']);
    ws.addRow(['序号', '院所名称', '等级', '招引阶段', '责任人']);
    ws.addRow([1, '导入测试研究院甲', 'A', '洽谈', '张敏']);
    ws.addRow([2, '导入测试研究院乙', 'D', '谈判', '不存在的人']);
    const preview = await importLedger(staff, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(preview.recordsToCreate).toBe(1);
    expect(preview.problems.map((p) => `${p.row}:${p.column}`).sort()).toEqual([
      `5:${SUMMARY_SHEET}!招引阶段`,
      `5:${SUMMARY_SHEET}!等级`,
      `5:${SUMMARY_SHEET}!责任人`,
    ]);
  });
});

describe('an import is all or nothing', () => {
  it('a row that fails at confirm leaves no institute and no record of the rows before it', async () => {
    const existing = await staff.post('/api/institutes', {
      name: '原子导入测试研究院丙',
      kind: 'research',
      level: 'provincial',
      city: '济南',
    });
    expect(existing.statusCode, existing.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SUMMARY_SHEET);
    ws.addRow(['金乡县大院大所招引工作台账']);
    ws.addRow(['']);
    ws.addRow(['序号', '院所名称', '等级', '招引阶段', '责任人']);
    ws.addRow([1, '原子导入测试研究院甲', 'A', '洽谈', '张敏']);
    ws.addRow([2, '原子导入测试研究院乙', 'B', '接洽', '张敏']);
    ws.addRow([3, '原子导入测试研究院丙', 'B', '线索', '张敏']);
    const preview = await importLedger(staff, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(preview).toMatchObject({ recordsToCreate: 3, problemCount: 0 });
    // Between preview and confirm, a colleague opens a record for 丙: the sheet's last row now fails.
    const people = (await staff.get('/api/recruitment/assignable')).json() as { id: string; name: string }[];
    const zhang = people.find((p) => p.name === '张敏')?.id;
    const opened = await staff.post('/api/recruitment/records', {
      instituteId: existing.json().id,
      grade: 'A',
      ownerId: zhang,
      taskForceLeadId: zhang,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const done = await staff.confirmImport('/api/recruitment/ledger/import/confirm', preview.token);
    expect(done.statusCode, done.body).toBe(409);
    expect(done.json()).toMatchObject({ status: 'failed', error: '该院所已有招引记录（一院所一专班）' });
    const left = (await staff.get('/api/institutes?q=原子导入测试&pageSize=10')).json() as {
      items: { name: string }[];
    };
    expect(left.items.map((i) => i.name)).toEqual(['原子导入测试研究院丙']);
    const records = (
      await staff.get('/api/recruitment/records?q=原子导入测试&pageSize=10')
    ).json() as RecruitmentPage;
    expect(records.total).toBe(1);
  });
});

describe('isolation: the sibling county 370830 sees none of it', () => {
  it('by list, board, detail, my work and export', async () => {
    const ws = await a.login('ws_staff');
    const list = (await ws.get('/api/recruitment/records?pageSize=200')).json() as RecruitmentPage;
    expect(list.total).toBe(0);
    const board = (await ws.get('/api/recruitment/board')).json() as RecruitmentBoard;
    expect(board.columns.reduce((s, c) => s + c.total, 0)).toBe(0);
    for (const r of made) {
      expect((await ws.get(`/api/recruitment/records/${r.id}`)).statusCode).toBe(404);
      expect(
        (
          await ws.post(`/api/recruitment/records/${r.id}/entries`, {
            entryOn: '2026-11-20',
            kind: 'call',
            content: 'x',
          })
        ).statusCode,
      ).toBe(404);
    }
    expect(((await ws.get('/api/recruitment/my-work')).json() as { records: unknown[] }).records).toEqual([]);
    const { wb } = await exportLedger(ws, 'month=2026-11&isFullHistory=true');
    expect(dataRows(wb.getWorksheet(SUMMARY_SHEET))).toEqual([]);
    expect(dataRows(wb.getWorksheet(DETAIL_SHEET))).toEqual([]);
    const agreement = made.find((r) => r.agreement)?.agreement?.id;
    expect((await ws.get(`/api/files/${agreement}`)).statusCode).toBe(404);
  });

  it('while the city leader above both sees Jinxiang’s records', async () => {
    const city = await a.login('jn_leader');
    const list = (
      await city.get('/api/recruitment/records?q=台账往返测试&pageSize=100')
    ).json() as RecruitmentPage;
    expect(list.total).toBe(made.length);
    expect(
      (
        await city.post(`/api/recruitment/records/${made[0]?.id}/entries`, {
          entryOn: '2026-11-20',
          kind: 'call',
          content: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });
});
