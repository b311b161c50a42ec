import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('round-table proposals on a leader’s phone', () => {
  it('the lights job proposes 江南大学 (red for months); the leader puts it on the agenda from a 390 px screen and sees it on the record', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await login(page, 'jx_leader');
    // The server's first lights run comes 5–10 s after it starts; until then nothing is proposed.
    const card = page.getByTestId('proposal-row').filter({ hasText: '江南大学' });
    await expect
      .poll(
        async () => {
          await page.goto('/supervision/proposals');
          await page.getByTestId('roundtable-proposals').waitFor();
          await page.waitForLoadState('networkidle');
          return card.count();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(1);
    // Cards, not a table, on a phone: nothing wider than the screen.
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expect.poll(() => card.textContent()).toContain('天无工作台账记录');

    await card.getByTestId('proposal-accept').click();
    await page.getByTestId('decision-note').fill('下周圆桌会议研究推进方案');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => card.count()).toBe(0);

    await page.getByText('已列入圆桌议程', { exact: true }).first().click();
    const accepted = page.getByTestId('proposal-row').filter({ hasText: '江南大学' });
    await expect.poll(() => accepted.count()).toBe(1);
    await expect.poll(() => accepted.textContent()).toContain('下周圆桌会议研究推进方案');
    await expect.poll(() => accepted.textContent()).toContain('刘建国');

    await accepted.getByRole('link', { name: '江南大学' }).click();
    await expect.poll(() => page.getByTestId('roundtable-tag').textContent()).toBe('已列入圆桌议程');
    await context.close();
  });
});
