import { ACCOUNT_RULES, accountRuleRows } from '@gaodi/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginRequest = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function userId(admin: Session, username: string): Promise<string> {
  const list = (await admin.get('/api/users')).json() as { id: string; username: string }[];
  const id = list.find((u) => u.username === username)?.id;
  if (!id) throw new Error(`no user ${username}`);
  return id;
}

/** Runs SQL as a request of the given role would (gaodi_app, the role in the request context). */
function asRole(role: string, userIdValue: string | null, ...statements: ReturnType<typeof sql>[]) {
  return t.db
    .transaction(
      { userId: userIdValue, role, regionCodes: ['370000', '370800', '370828', '370830'] },
      async (tx) => {
        for (const statement of statements) await tx.execute(statement);
      },
    )
    .then(
      () => 'allowed',
      (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
    );
}

const newAdmin = (username: string, role: string) => ({
  username,
  displayName: '新管理员',
  role,
  regionCode: '370828',
  password: 'Ad-min1strat0r-Q',
});

describe('三员 table: one in contracts, the same in the database', () => {
  it('account_rules holds exactly ACCOUNT_RULES', async () => {
    const db = rowsOf<{
      actor_role: string;
      target_role: string;
      action: string;
      approver_role: string | null;
    }>(await t.db.owner.execute(sql`SELECT * FROM account_rules ORDER BY 1, 2, 3`)).map(
      (r) => `${r.actor_role}/${r.target_role}/${r.action}/${r.approver_role ?? '-'}`,
    );
    const contracts = accountRuleRows()
      .map((r) => `${r.actor}/${r.target}/${r.action}/${r.approver ?? '-'}`)
      .sort();
    expect(db.sort()).toEqual(contracts);
    expect(ACCOUNT_RULES.auditadmin).toBeUndefined();
  });
});

describe('the attacks of issue 9, replayed', () => {
  it('the system admin cannot create an audit admin alone, nor read audit rows through one', async () => {
    const sysadmin = await t.login('sysadmin');
    const res = await sysadmin.post('/api/users', newAdmin('rogue_auditor', 'auditadmin'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      status: 'pending',
      approverRole: 'secadmin',
      targetUsername: 'rogue_auditor',
    });
    expect(JSON.stringify(res.json())).not.toContain('argon2');
    expect((await loginRequest('rogue_auditor', 'Ad-min1strat0r-Q')).statusCode).toBe(401);
    // Nor approve it themselves.
    const own = await sysadmin.post(`/api/account-requests/${res.json().id}/approve`);
    expect(own.statusCode).toBe(403);
    // Nor name the pending request as approved in the database context and insert the account.
    const forged = await asRole(
      'sysadmin',
      await userId(sysadmin, 'sysadmin'),
      sql`SELECT set_config('gaodi.account_request', ${res.json().id}, true)`,
      sql`INSERT INTO users (region_code, username, display_name, role, password_hash)
          VALUES ('370828', 'rogue_auditor', 'x', 'auditadmin', 'x')`,
    );
    expect(forged).not.toBe('allowed');
    expect((await sysadmin.get('/api/audit')).statusCode).toBe(403);
    // Past the API, the database refuses the insert for the sysadmin's request context.
    const me = await userId(sysadmin, 'sysadmin');
    const direct = await asRole(
      'sysadmin',
      me,
      sql`INSERT INTO users (region_code, username, display_name, role, password_hash) VALUES ('370828', 'rogue2', 'x', 'auditadmin', 'x')`,
    );
    expect(direct).not.toBe('allowed');
    // A staff account is the system admin's own business: at once.
    const staff = await sysadmin.post('/api/users', {
      ...newAdmin('new_clerk', 'staff'),
      displayName: '新科员',
    });
    expect(staff.statusCode).toBe(200);
  });

  it('the system admin cannot disable the real auditor, through the API or the database', async () => {
    const sysadmin = await t.login('sysadmin');
    const auditor = await userId(sysadmin, 'auditor');
    const res = await sysadmin.patch(`/api/users/${auditor}`, { isDisabled: true });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe('三员分立：无权管理该角色的账号');
    const direct = await asRole(
      'sysadmin',
      await userId(sysadmin, 'sysadmin'),
      sql`UPDATE users SET is_disabled = true WHERE username = 'auditor'`,
    );
    expect(direct).not.toBe('allowed');
    expect((await loginRequest('auditor', 'Gaodi@2026')).statusCode).toBe(200);
  });

  it('the security admin can disable neither the system admin nor itself', async () => {
    const secadmin = await t.login('secadmin');
    const sysId = await userId(secadmin, 'sysadmin');
    const selfId = await userId(secadmin, 'secadmin');
    expect((await secadmin.patch(`/api/users/${sysId}`, { isDisabled: true })).statusCode).toBe(403);
    const self = await secadmin.patch(`/api/users/${selfId}`, { isDisabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().message).toBe('不能在用户管理中修改自己的账号');
    expect(
      await asRole('secadmin', selfId, sql`UPDATE users SET is_disabled = true WHERE username = 'sysadmin'`),
    ).not.toBe('allowed');
    expect(
      await asRole('secadmin', selfId, sql`UPDATE users SET is_disabled = true WHERE username = 'secadmin'`),
    ).not.toBe('allowed');
    expect((await loginRequest('sysadmin', 'Gaodi@2026')).statusCode).toBe(200);
    expect((await loginRequest('secadmin', 'Gaodi@2026')).statusCode).toBe(200);
  });
});

describe('two-person rule', () => {
  it('the security admin approves the system admin’s new audit admin; it must change its password; all audited', async () => {
    const sysadmin = await t.login('sysadmin');
    const filed = (await sysadmin.post('/api/users', newAdmin('auditor2', 'auditadmin'))).json();
    const secadmin = await t.login('secadmin');
    const pending = (await secadmin.get('/api/account-requests')).json() as { id: string; status: string }[];
    expect(pending.find((r) => r.id === filed.id)?.status).toBe('pending');
    const approved = await secadmin.post(`/api/account-requests/${filed.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().request).toMatchObject({ status: 'approved', decidedByName: 'secadmin' });
    expect((await secadmin.post(`/api/account-requests/${filed.id}/approve`)).statusCode).toBe(409);
    const s = await t.login('auditor2', 'Ad-min1strat0r-Q');
    expect((await s.get('/api/audit')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const auditor = await t.login('auditor');
    const rows = (await auditor.get('/api/audit?pageSize=200')).json().items as {
      action: string;
      actorName: string;
    }[];
    const seen = rows.map((r) => `${r.actorName}:${r.action}`);
    expect(seen).toEqual(
      expect.arrayContaining(['sysadmin:request:create', 'secadmin:approve', 'secadmin:create']),
    );
  });

  it('a rejected role change to system admin changes nothing; another system admin may not approve', async () => {
    const sysadmin = await t.login('sysadmin');
    const staffId = await userId(sysadmin, 'jx_staff');
    const filed = await sysadmin.put(`/api/users/${staffId}`, { role: 'sysadmin' });
    expect(filed.statusCode).toBe(202);
    const secadmin = await t.login('secadmin');
    expect((await secadmin.post(`/api/account-requests/${filed.json().id}/reject`)).statusCode).toBe(200);
    const list = (await sysadmin.get('/api/users')).json() as { username: string; role: string }[];
    expect(list.find((u) => u.username === 'jx_staff')?.role).toBe('staff');
    // Editing a business account is direct, with before/after in the audit.
    const edited = await sysadmin.put(`/api/users/${staffId}`, {
      displayName: '张敏（科员）',
      phone: '13900000000',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ displayName: '张敏（科员）', phone: '13900000000' });
  });

  it('the last enabled account of an administrator role stays enabled, whoever asks', async () => {
    const secadmin = await t.login('secadmin');
    const auditorId = await userId(secadmin, 'auditor');
    // auditor2 (approved above) exists: disabling auditor is possible with the system admin's approval.
    const filed = await secadmin.patch(`/api/users/${auditorId}`, { isDisabled: true });
    expect(filed.statusCode).toBe(202);
    const sysadmin = await t.login('sysadmin');
    expect((await sysadmin.post(`/api/account-requests/${filed.json().id}/approve`)).statusCode).toBe(200);
    const auditor2 = await userId(secadmin, 'auditor2');
    const last = await secadmin.patch(`/api/users/${auditor2}`, { isDisabled: true });
    expect(last.statusCode).toBe(403);
    expect(last.json().message).toBe('每种管理员角色至少保留一个启用的账号，不能停用最后一个');
    // Even the owner connection (migrations, jobs) cannot.
    const owner = await t.db.owner
      .execute(sql`UPDATE users SET is_disabled = true WHERE username = 'auditor2'`)
      .then(
        () => 'allowed',
        (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e),
      );
    expect(owner).toMatch(/last enabled auditadmin/);
  });

  it('an administrator’s password reset waits for the other role, and the approver gets the one-time password', async () => {
    const secadmin = await t.login('secadmin');
    const sysadminId = await userId(secadmin, 'sysadmin');
    // The security admin may not reset a system admin's password at all.
    expect((await secadmin.post(`/api/users/${sysadminId}/password-reset`)).statusCode).toBe(403);
    const sysadmin = await t.login('sysadmin');
    const secId = await userId(sysadmin, 'secadmin');
    // The only security admin would have to approve a change of its own account: refused.
    const lonely = await sysadmin.post(`/api/users/${secId}/password-reset`);
    expect(lonely.statusCode).toBe(403);
    expect(lonely.json().message).toBe('没有其他可以审批此变更的管理员');
  });
});
