import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginRequest = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function auditRows(filter: string) {
  const auditor = await t.login('auditor');
  return (await auditor.get(`/api/audit?pageSize=200&${filter}`)).json().items as {
    action: string;
    actorName: string;
    targetId: string | null;
  }[];
}

async function userId(admin: Session, username: string): Promise<string> {
  const list = (await admin.get('/api/users')).json() as { id: string; username: string }[];
  const id = list.find((u) => u.username === username)?.id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}

const change = (s: Session, currentPassword: string, newPassword: string) =>
  s.post('/api/auth/password', { currentPassword, newPassword });

describe('修改密码: a user changes their own password under the policy', () => {
  it('refuses a wrong current password, and each weak new password with the reason on the field', async () => {
    const s = await t.login('jx_lead');
    const wrong = await change(s, 'not-my-password', 'Kq7-vmz4-Tr2x');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields).toEqual([{ path: 'currentPassword', message: '当前密码不正确' }]);
    const cases: [string, string][] = [
      ['Ab1-short', '密码至少 10 位'],
      ['alllowercase-words', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      ['Xjx_lead-2026', '密码不能包含用户名'],
      ['Gaodi@2026', '该密码过于常见或已公开，请换一个'],
      ['P@ssw0rd123', '该密码过于常见或已公开，请换一个'],
      ['Password@2026', '该密码过于常见或已公开，请换一个'],
      ['Admin@12345', '该密码过于常见或已公开，请换一个'],
      ['Qwer1234!!', '该密码过于常见或已公开，请换一个'],
    ];
    for (const [password, reason] of cases) {
      const res = await change(s, 'Gaodi@2026', password);
      expect(res.statusCode, password).toBe(400);
      expect(
        res.json().fields.map((f: { message: string }) => f.message),
        password,
      ).toContain(reason);
    }
    // English through the catalog.
    const en = await s.request({
      method: 'POST',
      url: '/api/auth/password',
      headers: { 'accept-language': 'en' },
      payload: { currentPassword: 'Gaodi@2026', newPassword: 'P@ssw0rd123' },
    });
    expect(en.json().fields[0].message).toBe(
      'This password is too common or has been published; choose another',
    );
  });

  it('changes it: the new one signs in, the old one no longer does, other sessions end, this one stays', async () => {
    const here = await t.login('jx_helper');
    const elsewhere = await t.login('jx_helper');
    expect((await change(here, 'Gaodi@2026', 'Kq7-vmz4-Tr2x')).statusCode).toBe(200);
    expect((await here.get('/api/enterprises')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/enterprises')).statusCode).toBe(401);
    expect((await loginRequest('jx_helper', 'Gaodi@2026')).statusCode).toBe(401);
    expect((await loginRequest('jx_helper', 'Kq7-vmz4-Tr2x')).statusCode).toBe(200);
    const rows = await auditRows('action=change_password');
    expect(rows.some((r) => r.actorName === 'jx_helper')).toBe(true);
  });

  it('refuses any of the last five passwords (the current one included), and allows an older one back', async () => {
    let s = await t.login('ws_staff');
    const passwords = [
      'Gaodi@2026',
      'Lm4#pqrs-Zt',
      'Nv8#wxyz-Qa',
      'Hb3#kmno-Ws',
      'Rc6#tuvw-Ey',
      'Jd9#efgh-Pk',
      'Ty2#bcdg-Mu',
    ];
    for (let i = 1; i < passwords.length; i++) {
      expect((await change(s, passwords[i - 1] ?? '', passwords[i] ?? '')).statusCode).toBe(200);
      s = await t.login('ws_staff', passwords[i]);
    }
    const current = passwords.at(-1) ?? '';
    for (const old of passwords.slice(2)) {
      const res = await change(s, current, old);
      expect(res.statusCode, old).toBe(400);
      expect(res.json().fields[0].message).toBe('不能使用最近 5 次用过的密码');
    }
    // The first new one is now six passwords back.
    expect((await change(s, current, passwords[1] ?? '')).statusCode).toBe(200);
  });
});

describe('重置密码: an administrator resets, the user must change it before anything else', () => {
  it('gives a one-time password; with it only /me, logout and 修改密码 answer, until it is changed', async () => {
    const sysadmin = await t.login('sysadmin');
    const id = await userId(sysadmin, 'jx_staff');
    const victimBefore = await t.login('jx_staff');
    const reset = await sysadmin.post(`/api/users/${id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const temporary = reset.json().temporaryPassword as string;
    expect(temporary).toMatch(/^\S{4}-\S{4}-\S{4}$/);
    expect((await victimBefore.get('/api/enterprises')).statusCode).toBe(401);
    expect((await loginRequest('jx_staff', 'Gaodi@2026')).statusCode).toBe(401);

    const s = await t.login('jx_staff', temporary);
    const me = await s.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);
    for (const url of ['/api/enterprises', '/api/regions', '/api/notifications']) {
      const res = await s.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    const write = await s.post('/api/industries', { code: 'x-test', name: '测试', nameEn: 'Test' });
    expect(write.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    // The one-time password cannot be kept.
    expect((await change(s, temporary, temporary)).statusCode).toBe(400);
    expect((await change(s, temporary, 'Vw5-hgtk-Ma7q')).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().mustChangePassword).toBe(false);
    expect((await s.get('/api/enterprises')).statusCode).toBe(200);
    const list = (await sysadmin.get('/api/users')).json() as {
      username: string;
      mustChangePassword: boolean;
    }[];
    expect(list.find((u) => u.username === 'jx_staff')?.mustChangePassword).toBe(false);
    const audit = await auditRows('action=reset_password');
    expect(audit.some((r) => r.actorName === 'sysadmin' && r.targetId === id)).toBe(true);
  });

  it('refuses a reset of one’s own account and by a role that manages no accounts', async () => {
    const sysadmin = await t.login('sysadmin');
    const own = await sysadmin.post(`/api/users/${await userId(sysadmin, 'sysadmin')}/password-reset`);
    expect(own.statusCode).toBe(403);
    const staff = await t.login('jn_leader');
    expect(
      (await staff.post(`/api/users/${await userId(sysadmin, 'jx_leader')}/password-reset`)).statusCode,
    ).toBe(403);
  });

  it('an account created by the administrator must change its initial password at first sign-in', async () => {
    const sysadmin = await t.login('sysadmin');
    const weak = await sysadmin.post('/api/users', {
      username: 'new_staff',
      displayName: '新同事',
      role: 'staff',
      regionCode: '370828',
      password: 'Welcome@123',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields[0]).toEqual({ path: 'password', message: '该密码过于常见或已公开，请换一个' });
    const created = await sysadmin.post('/api/users', {
      username: 'new_staff',
      displayName: '新同事',
      role: 'staff',
      regionCode: '370828',
      password: 'Fz3-qpwn-Lk8e',
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().mustChangePassword).toBe(true);
    const s = await t.login('new_staff', 'Fz3-qpwn-Lk8e');
    expect((await s.get('/api/enterprises')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
