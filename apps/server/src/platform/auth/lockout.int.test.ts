import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const from = (address: string) => (username: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    payload: { username, password },
  });
const minutes = (n: number) => t.clock.advanceDays(n / (24 * 60));

describe('sign-in answers reveal nothing about the account', () => {
  it('answers an unknown, a disabled and a paused account exactly like a wrong password', async () => {
    const attacker = from('203.0.113.7');
    const wrong = await attacker('jx_staff', 'not-the-password');
    const unknown = await attacker('nobody_here', 'not-the-password');
    const secadmin = await t.login('secadmin');
    const list = (await secadmin.get('/api/users')).json() as { id: string; username: string }[];
    const id = list.find((u) => u.username === 'hengxing')?.id;
    expect((await secadmin.patch(`/api/users/${id}`, { isDisabled: true })).statusCode).toBe(200);
    const disabled = await attacker('hengxing', 'Gaodi@2026');
    for (let i = 0; i < 5; i++) await attacker('dx_staff', 'guess');
    const paused = await attacker('dx_staff', 'Gaodi@2026');
    const pausedUnknown = await (async () => {
      for (let i = 0; i < 5; i++) await attacker('ghost_user', 'guess');
      return attacker('ghost_user', 'guess');
    })();
    for (const res of [wrong, unknown, disabled, paused, pausedUnknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' });
    }
    expect((await secadmin.patch(`/api/users/${id}`, { isDisabled: false })).statusCode).toBe(200);
  });
});

describe('lockout per account and client address, with exponential back-off', () => {
  it('pauses the guessing address only: the owner elsewhere still signs in, even an administrator', async () => {
    const attacker = from('198.51.100.23');
    const owner = from('10.1.2.3');
    for (let i = 0; i < 20; i++) await attacker('secadmin', `guess-${i}`);
    expect((await attacker('secadmin', 'Gaodi@2026')).statusCode).toBe(401);
    expect((await owner('secadmin', 'Gaodi@2026')).statusCode).toBe(200);
  });

  it('pauses 1 minute after 5 failures, then 2, then 4: each further failure doubles the pause', async () => {
    const client = from('192.0.2.50');
    for (let i = 0; i < 5; i++) expect((await client('jx_lead', 'wrong')).statusCode).toBe(401);
    expect((await client('jx_lead', 'Gaodi@2026')).statusCode).toBe(401);
    minutes(1.1);
    expect((await client('jx_lead', 'wrong-again')).statusCode).toBe(401); // 6th failure: 2 minutes
    minutes(1.5);
    expect((await client('jx_lead', 'Gaodi@2026')).statusCode).toBe(401);
    minutes(0.6);
    expect((await client('jx_lead', 'wrong-third')).statusCode).toBe(401); // 7th failure: 4 minutes
    minutes(3.5);
    expect((await client('jx_lead', 'Gaodi@2026')).statusCode).toBe(401);
    minutes(0.6);
    expect((await client('jx_lead', 'Gaodi@2026')).statusCode).toBe(200);
    // Success starts the count again.
    for (let i = 0; i < 4; i++) await client('jx_lead', 'wrong');
    expect((await client('jx_lead', 'Gaodi@2026')).statusCode).toBe(200);
  });

  it('tells the owner in the inbox and marks the account locked; the security admin unlocks every address', async () => {
    const attacker = from('198.51.100.99');
    for (let i = 0; i < 5; i++) await attacker('jx_leader', 'guess');
    const owner = await t.login('jx_leader');
    const inbox = (await owner.get('/api/notifications')).json();
    const items = (inbox.items ?? inbox) as { title: string; kind: string }[];
    const notice = items.find((n) => n.kind === 'login_locked');
    expect(notice?.title).toBe('登录失败次数过多：来自 198.51.100.99 的登录已暂停 1 分钟');
    const secadmin = await t.login('secadmin');
    const row = (
      (await secadmin.get('/api/users')).json() as { id: string; username: string; isLocked: boolean }[]
    ).find((u) => u.username === 'jx_leader');
    expect(row?.isLocked).toBe(true);
    expect((await secadmin.patch(`/api/users/${row?.id}`, { unlock: true })).statusCode).toBe(200);
    expect((await attacker('jx_leader', 'Gaodi@2026')).statusCode).toBe(200);
    const auditor = await t.login('auditor');
    const audit = (await auditor.get('/api/audit?pageSize=200&action=unlock')).json().items as {
      actorName: string;
    }[];
    expect(audit.some((r) => r.actorName === 'secadmin')).toBe(true);
  });
});
