import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, logout, newPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const visible = (page: Page, testId: string) =>
  expect.poll(() => page.getByTestId(testId).first().isVisible(), { timeout: 20_000 }).toBe(true);

describe('first day at the bureau: each role’s home, administration, audit, recommendations, aliases', () => {
  it('the leader’s 待我处理 shows a round-table proposal waiting for a decision', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_leader');
    // The lights job proposes the long-red items on its first run after start.
    await expect
      .poll(
        async () => {
          await page.goto('/');
          await page.getByTestId('home-work').waitFor();
          return page.getByTestId('home-work-proposal').isVisible();
        },
        { timeout: 60_000, interval: 3_000 },
      )
      .toBe(true);
    const card = page.getByTestId('home-work-proposal');
    expect(await card.innerText()).toContain('待定提请圆桌事项');
    await card.locator('.ant-list-item a').first().click();
    await page.waitForURL(/\/supervision\/proposals/);
    await context.close();
  });

  it('the enterprise’s home shows its own need and project, not the register’s size', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'hengxing');
    await visible(page, 'home-work-need');
    expect(await page.getByTestId('home-work-need').innerText()).toContain('高性能聚合物连续聚合工艺');
    expect(await page.getByTestId('home-work-project').innerText()).toContain(
      '山大—衡兴绿色合成技术联合实验室共建',
    );
    expect(await page.getByTestId('home-enterprises').count()).toBe(0);
    // Its need's recommendations, with the note instead of a list padded with weak matches.
    await page.getByTestId('home-work-need').getByText('高性能聚合物连续聚合工艺').click();
    await visible(page, 'recommendations-few');
    expect(await page.getByTestId('recommendations-few').innerText()).toMatch(/仅找到 \d+ 个较相关的院所/);
    expect(await page.getByTestId('recommended-institute').first().innerText()).toContain('山东大学');
    await context.close();
  });

  it('an administrator’s reset forces the user to change the password; the audit log names, links and exports it', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'sysadmin');
    await page.goto('/users');
    const row = page.getByTestId('user-table').locator('tr').filter({ hasText: 'jx_sunhao' });
    await row.getByTestId('user-edit-jx_sunhao').click();
    await page.getByTestId('user-edit-form').locator('#displayName').fill('孙浩（帮办）');
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('孙浩（帮办）');
    await row.getByTestId('user-reset-jx_sunhao').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '重置密码' }).click();
    await visible(page, 'reset-password-value');
    const temporary = (await page.getByTestId('reset-password-value').innerText()).trim();
    await page.keyboard.press('Escape');
    await logout(page);

    await login(page, 'jx_sunhao', temporary);
    await visible(page, 'forced-password-page');
    await page.getByTestId('password-current').fill(temporary);
    await page.getByTestId('password-new').fill('Sunhao-N3w-pass');
    await page.getByTestId('password-confirm').fill('Sunhao-N3w-pass');
    await page.getByTestId('password-submit').click();
    await visible(page, 'home-page');
    await logout(page);

    await login(page, 'auditor');
    await page.goto('/audit?targetType=user&action=update');
    await visible(page, 'audit-target-link');
    const first = page
      .getByTestId('audit-table')
      .locator('tbody tr')
      .filter({ hasText: '孙浩（帮办）' })
      .first();
    expect(await first.innerText()).toContain('修改');
    expect(await first.getByTestId('audit-change').innerText()).toContain('孙浩 → 孙浩（帮办）');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-export').click(),
    ]);
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  it('北工大 finds 北京工业大学', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto('/institutes?q=北工大');
    await expect
      .poll(() => page.locator('.ant-table-tbody').innerText(), { timeout: 15_000 })
      .toContain('北京工业大学');
    await context.close();
  });
});
