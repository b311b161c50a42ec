import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseUserMenu, launchBrowser, login, logout, newPage, pickOption } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function createUser(page: Page, username: string, role?: string) {
  await page.getByTestId('user-new').click();
  await page.locator('#username').fill(username);
  await page.locator('#displayName').fill('浏览器测试');
  if (role) {
    const select = page.locator('.ant-modal .ant-form-item').filter({ has: page.locator('#role') });
    await pickOption(page, select.locator('.ant-select'), role);
  }
  await page.locator('#password').fill('Br0wser-Test-Qz');
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /保\s*存/ })
    .click();
}

describe('identity: reset, forced change, 修改密码, two-person approval', () => {
  it('the system admin resets a new clerk’s password; the clerk must change it before anything else', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'sysadmin');
    await page.goto('/users');
    await createUser(page, 'e2e_clerk');
    const row = page.getByTestId('user-table').locator('tr').filter({ hasText: 'e2e_clerk' });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.getByTestId('user-reset-e2e_clerk').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '重置密码' }).click();
    const value = page.getByTestId('reset-password-value');
    await expect.poll(() => value.isVisible(), { timeout: 15_000 }).toBe(true);
    const temporary = (await value.innerText()).trim();
    expect(temporary).toMatch(/^\S{4}-\S{4}-\S{4}$/);
    await page.keyboard.press('Escape');
    await logout(page);

    await login(page, 'e2e_clerk', temporary);
    const forced = page.getByTestId('forced-password-page');
    await expect.poll(() => forced.isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('password-current').fill(temporary);
    await page.getByTestId('password-new').fill('Gaodi@2026');
    await page.getByTestId('password-confirm').fill('Gaodi@2026');
    await page.getByTestId('password-submit').click();
    await expect
      .poll(() => forced.innerText(), { timeout: 15_000 })
      .toContain('该密码过于常见或已公开，请换一个');
    await page.getByTestId('password-new').fill('Clerk-N3w-pass');
    await page.getByTestId('password-confirm').fill('Clerk-N3w-pass');
    await page.getByTestId('password-submit').click();
    await expect.poll(() => page.getByTestId('user-menu').isVisible(), { timeout: 15_000 }).toBe(true);

    // 修改密码 from the header menu.
    await chooseUserMenu(page, 'password-menu');
    await page.waitForURL(/\/password$/);
    await expect.poll(() => page.getByTestId('password-page').isVisible(), { timeout: 15_000 }).toBe(true);
    await context.close();
  });

  it('a new audit admin waits for the security admin’s approval in 用户管理', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'sysadmin');
    await page.goto('/users');
    // The toast lasts 3 s: wait for it from before the click, not by polling after it.
    const toast = page.locator('.ant-message').getByText('须另一名管理员批准').waitFor();
    await createUser(page, 'e2e_auditor', '审计管理员');
    await toast;
    const requests = page.getByTestId('account-requests');
    await expect.poll(() => requests.innerText(), { timeout: 15_000 }).toContain('e2e_auditor');
    expect(await requests.innerText()).toContain('等待安全管理员审批');
    await logout(page);

    await login(page, 'secadmin');
    await page.goto('/users');
    await page.getByTestId('request-approve-e2e_auditor').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /批\s*准/ })
      .click();
    await expect
      .poll(() => page.getByTestId('account-requests').innerText(), { timeout: 15_000 })
      .toContain('已批准');
    await expect.poll(() => page.getByTestId('user-table').innerText()).toContain('e2e_auditor');
    await context.close();
  });
});
