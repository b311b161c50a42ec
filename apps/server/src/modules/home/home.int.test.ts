import type { HomeWork, WorkKind } from '@gaodi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

describe('home: each role’s 待我处理 is its own work, within its own rows', () => {
  let t: TestApp;
  const work = async (username: string) => {
    const res = await (await t.login(username)).get('/api/home/work');
    expect(res.statusCode, res.body).toBe(200);
    const { groups } = res.json() as HomeWork;
    return new Map(groups.map((g) => [g.kind, g]));
  };
  const kinds = async (username: string) => [...(await work(username)).keys()] as WorkKind[];

  beforeAll(async () => {
    t = await createTestApp();
    // The first lights run proposes the items red for months (as on the demo's first day).
    await t.app.scheduledJobs.find((j) => j.name === 'supervision.lights')?.run();
  });
  afterAll(() => t.close());

  it('a leader: proposals waiting for a decision and round-table decisions due, each linked', async () => {
    const leader = await work('jx_leader');
    const proposals = leader.get('proposal');
    expect(proposals?.items.map((i) => i.title)).toEqual(expect.arrayContaining(['江南大学']));
    expect(proposals?.href).toBe('/supervision/proposals');
    expect(leader.get('decision')?.total).toBeGreaterThan(0);
    expect(leader.get('decision')?.items[0]?.href).toBe('/roundtable/decisions');
    // A leader decides, it does not work requests or needs itself.
    expect(leader.has('service_request')).toBe(false);
    expect(leader.has('need')).toBe(false);
  });

  it('an enterprise: its own needs, requests and projects, nobody else’s', async () => {
    const mine = await work('hengxing');
    expect([...mine.keys()]).toEqual(expect.arrayContaining(['need', 'service_request', 'project']));
    const need = mine.get('need')?.items[0];
    expect(need?.href).toMatch(/^\/needs\/[0-9a-f-]{36}$/);
    expect(need?.note).toBe('山东衡兴新材料有限公司');
    expect(mine.get('project')?.items.every((p) => p.href.startsWith('/projects/'))).toBe(true);
    const staffNeeds = await (await t.login('jx_staff')).get('/api/needs?pageSize=100');
    const others = (staffNeeds.json().items as { id: string; enterpriseName: string }[]).filter(
      (n) => n.enterpriseName !== '山东衡兴新材料有限公司',
    );
    expect(others.length).toBeGreaterThan(0);
    const shown = new Set(mine.get('need')?.items.map((i) => i.id));
    expect(others.some((n) => shown.has(n.id))).toBe(false);
  });

  it('an institute partner: needs open for matching and its institute’s projects', async () => {
    const sdu = await work('sdu_liaison');
    expect(sdu.get('open_need')?.total).toBeGreaterThan(0);
    expect(sdu.get('project')?.items.map((p) => p.title)).toEqual(['山大—衡兴绿色合成技术联合实验室共建']);
    expect(sdu.has('proposal')).toBe(false);
  });

  it('staff, lead and helper: their records, requests to dispatch, requests and projects they help', async () => {
    expect(await kinds('jx_staff')).toEqual(expect.arrayContaining(['recruitment', 'need']));
    expect(await kinds('jx_lead')).toEqual(expect.arrayContaining(['recruitment', 'service_request']));
    const helper = await work('jx_helper');
    expect([...helper.keys()]).toEqual(expect.arrayContaining(['service_request', 'project']));
    expect(helper.has('recruitment')).toBe(false);
  });

  it('administrators: a two-person change waits on the approver’s home; the audit admin sees refusals', async () => {
    const sysadmin = await t.login('sysadmin');
    const users = (await sysadmin.get('/api/users')).json() as { id: string; username: string }[];
    const auditor = users.find((u) => u.username === 'auditor');
    const asked = await sysadmin.put(`/api/users/${auditor?.id}`, { displayName: '审计管理员（新）' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect((await work('secadmin')).get('account_request')?.items[0]?.title).toBe('auditor');
    expect((await work('sysadmin')).get('account_request')?.total).toBe(1);
    const staff = await t.login('jx_staff');
    expect((await staff.get('/api/audit')).statusCode).toBe(403);
    const audit = await work('auditor');
    expect(audit.get('audit_denial')?.items[0]?.title).toContain('jx_staff');
    expect(await kinds('sysadmin')).not.toContain('audit_denial');
  });
});
