import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('round-table: a meeting from proposals to minutes, decisions closed only on accepted proof', () => {
  let t: TestApp;
  let leader: Session;
  let staff: Session;
  let helper: Session;
  let sibling: Session;
  let meetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    leader = await t.login('jx_leader');
    staff = await t.login('jx_staff');
    helper = await t.login('jx_helper');
    sibling = await t.login('ws_staff');
  });
  afterAll(() => t.close());

  it('schedules a meeting chaired by a leader and builds its agenda from an accepted proposal', async () => {
    const people = (await staff.get('/api/roundtable/people')).json() as {
      id: string;
      name: string;
      role: string;
    }[];
    const chair = people.find((p) => p.role === 'leader');
    const notLeader = people.find((p) => p.role === 'staff');
    const bad = await staff.post('/api/roundtable/meetings', {
      title: '圆桌对话会',
      heldOn: '2026-12-10',
      place: '县政府 3 楼会议室',
      chairId: notLeader?.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('chairId');
    const res = await staff.post('/api/roundtable/meetings', {
      title: '第四季度圆桌对话会',
      heldOn: '2026-12-10',
      place: '县政府 3 楼会议室',
      chairId: chair?.id,
      attendees: [
        { kind: 'department', name: '自然资源局' },
        { kind: 'enterprise', name: '山东衡兴新材料有限公司' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    meetingId = res.json().id;
    // The demo's long-red records are proposed by the lights job; a leader accepts one.
    await t.app.scheduledJobs.find((j) => j.name === 'supervision.lights')?.run();
    const proposals = (await leader.get('/api/supervision/proposals?status=proposed')).json() as {
      id: string;
    }[];
    if (proposals[0])
      await leader.post(`/api/supervision/proposals/${proposals[0].id}/decision`, {
        decision: 'accepted',
        note: '',
      });
    const meeting = (await leader.get(`/api/roundtable/meetings/${meetingId}`)).json();
    const available = meeting.availableProposals as { id: string; itemId: string }[];
    if (available[0]) {
      const added = await staff.post(`/api/roundtable/meetings/${meetingId}/items`, {
        proposalId: available[0].id,
      });
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json().agenda[0].sourceId).toBe(available[0].itemId);
      const again = await staff.post(`/api/roundtable/meetings/${meetingId}/items`, {
        proposalId: available[0].id,
      });
      expect(again.statusCode).toBe(409);
    }
    const own = await staff.post(`/api/roundtable/meetings/${meetingId}/items`, {
      title: '园区用电增容',
      description: '',
    });
    expect(own.statusCode, own.body).toBe(200);
    // The sibling county sees none of it.
    expect((await sibling.get(`/api/roundtable/meetings/${meetingId}`)).statusCode).toBe(404);
  });

  it('decisions: owner and deadline; proof by the owner; closed only when the office accepts it', async () => {
    const meeting = (await staff.get(`/api/roundtable/meetings/${meetingId}`)).json();
    const item = meeting.agenda.at(-1);
    const people = (await staff.get('/api/roundtable/people')).json() as {
      id: string;
      name: string;
      role: string;
    }[];
    // The demo has two helpers; the owner is the one signed in as `helper` (王芳).
    const owner = people.find((p) => p.role === 'helper' && p.name === '王芳');
    const noOwner = await staff.post(`/api/roundtable/meetings/${meetingId}/items/${item.id}/decisions`, {
      content: '协调供电公司',
      deadline: '2026-12-31',
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().fields[0].path).toBe('ownerDepartment');
    const res = await staff.post(`/api/roundtable/meetings/${meetingId}/items/${item.id}/decisions`, {
      content: '协调供电公司完成园区 110 千伏增容',
      ownerUserId: owner?.id,
      ownerDepartment: '发改局',
      deadline: '2026-12-31',
      proofRequired: '供电公司接电确认单',
    });
    expect(res.statusCode, res.body).toBe(200);
    const decision = res.json().agenda.at(-1).decisions[0];
    expect(decision.stage).toBe('open');
    // The owner cannot close it; proof first, then the office accepts.
    expect(
      (await helper.post(`/api/roundtable/decisions/${decision.id}/stage`, { to: 'closed' })).statusCode,
    ).toBe(409);
    const proof = await helper.post(`/api/roundtable/decisions/${decision.id}/stage`, {
      to: 'proof_submitted',
      proof: '接电确认单已上传',
    });
    expect(proof.statusCode, proof.body).toBe(200);
    expect(
      (await helper.post(`/api/roundtable/decisions/${decision.id}/stage`, { to: 'closed' })).statusCode,
    ).toBe(409);
    const closed = await leader.post(`/api/roundtable/decisions/${decision.id}/stage`, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().stage).toBe('closed');
  });

  it('an overdue decision is on the leader’s overdue list, in the ledger, and red after the limit', async () => {
    const meeting = (await staff.get(`/api/roundtable/meetings/${meetingId}`)).json();
    const item = meeting.agenda.at(-1);
    await staff.post(`/api/roundtable/meetings/${meetingId}/items/${item.id}/decisions`, {
      content: '落实园区配套道路',
      ownerDepartment: '住建局',
      deadline: '2026-12-01',
    });
    t.clock.set(new Date('2027-01-05T02:00:00Z'));
    await t.app.scheduledJobs.find((j) => j.name === 'supervision.lights')?.run();
    const lead = await t.login('jx_leader');
    const overdue = (await lead.get('/api/roundtable/decisions?view=overdue')).json() as {
      content: string;
      light: string;
    }[];
    const road = overdue.find((d) => d.content === '落实园区配套道路');
    expect(road?.light).toBe('red');
    const ledger = await lead.get('/api/roundtable/ledger.xlsx');
    expect(ledger.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ledger.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]?.getSheetValues().map((r) => JSON.stringify(r)) ?? [];
    expect(rows.some((r) => r.includes('落实园区配套道路') && r.includes('住建局'))).toBe(true);
    expect(rows.some((r) => r.includes('协调供电公司'))).toBe(false);
  });

  it('minutes .docx in the official layout, opened by LibreOffice when installed', async () => {
    const lead = await t.login('jx_leader');
    const res = await lead.get(`/api/roundtable/meetings/${meetingId}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    for (const part of [
      '第四季度圆桌对话会会议纪要',
      '时间：2026年12月10日',
      '地点：县政府 3 楼会议室',
      '主持：',
      '参加人员：部门：自然资源局',
      '责任单位（人）：发改局',
      '完成时限：2026年12月31日',
    ])
      expect(text).toContain(part);
    if (hasSoffice) {
      const dir = mkdtempSync(join(tmpdir(), 'gaodi-minutes-'));
      writeFileSync(join(dir, 'minutes.docx'), res.rawPayload);
      execFileSync(
        'soffice',
        ['--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'minutes.docx')],
        { timeout: 120_000 },
      );
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(join(dir, 'minutes.txt'), 'utf8')).toContain('会议纪要');
    }
  });

  it('the source record shows its round-table history', async () => {
    const staff = await t.login('jx_staff');
    const meeting = (await staff.get(`/api/roundtable/meetings/${meetingId}`)).json();
    const sourced = meeting.agenda.find((i: { sourceId: string | null }) => i.sourceId);
    if (!sourced) return;
    const res = await staff.get(
      `/api/roundtable/history?itemType=${sourced.sourceType}&itemId=${sourced.sourceId}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].meetingTitle).toBe('第四季度圆桌对话会');
  });
});
