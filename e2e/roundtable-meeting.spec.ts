import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage } from './browser.ts';
import { docxText } from './docx-text.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const okButton = (page: import('playwright-core').Page) =>
  page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary').last();

describe('a leader runs a round-table from proposals to minutes', () => {
  it('schedules a meeting, puts the accepted overdue land decision on it, decides, closes it on proof and downloads the minutes', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_leader');
    await page.goto('/roundtable');
    // The demo: two meetings held, one upcoming built from proposals.
    await expect.poll(() => page.getByTestId('meeting-row').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('meeting-row').filter({ hasText: '待召开' }).count()).toBe(1);

    const title = `土地要素保障专题圆桌会 ${Date.now()}`;
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-title').fill(title);
    await page.getByTestId('meeting-date').fill(chinaDay());
    await page.getByTestId('meeting-place').fill('县政府第二会议室');
    // A leader scheduling a meeting chairs it (the form's default).
    await okButton(page).click();
    // The page of the new meeting, or what the form said instead.
    await expect
      .poll(
        async () =>
          `${page.url()} ${(await page.locator('.ant-form-item-explain-error, .ant-message').allTextContents()).join('|')}`,
      )
      .toMatch(/\/roundtable\/[0-9a-f-]{36} $/);
    await expect.poll(() => page.getByTestId('meeting-status').textContent()).toBe('待召开');

    // The agenda from an accepted proposal: the first meeting's land decision, still red.
    await page
      .getByTestId('available-proposal')
      .filter({ hasText: '县自然资源局落实中试车间配套用地' })
      .getByTestId('proposal-add')
      .click();
    const item = page.getByTestId('agenda-item');
    await expect.poll(() => item.count()).toBe(1);
    await expect.poll(() => item.textContent()).toContain('县自然资源局落实中试车间配套用地');

    await item.getByTestId('decision-add').click();
    await page.getByTestId('decision-content').fill('县自然资源局 15 日内出具中试车间用地预审意见');
    await page.getByTestId('decision-department').fill('县自然资源局');
    await page.getByTestId('decision-deadline').fill(chinaDay(15));
    await page.getByTestId('decision-proof-required').fill('用地预审意见');
    await okButton(page).click();
    const decision = item.getByTestId('decision-card');
    await expect.poll(() => decision.count()).toBe(1);
    await expect.poll(() => decision.getByTestId('decision-stage').textContent()).toBe('落实中');

    await page.getByTestId('meeting-held').click();
    await expect.poll(() => page.getByTestId('meeting-status').textContent()).toBe('已召开');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('minutes-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const text = docxText(await download.path());
    expect(text).toContain(title);
    expect(text).toContain('会议纪要');
    expect(text).toContain('县政府第二会议室');
    expect(text).toContain('刘建国');
    expect(text).toContain('县自然资源局 15 日内出具中试车间用地预审意见');
    expect(text).toContain(chinaDay(15).slice(0, 4));

    // The proof comes in; the office accepts it and the decision closes.
    await decision.getByTestId('decision-to-proof_submitted').click();
    await page
      .locator('.ant-modal-wrap:visible')
      .getByLabel('办结佐证')
      .fill('县自然资源局用地预审意见（金自然资预〔2026〕12 号）');
    await okButton(page).click();
    await expect.poll(() => decision.getByTestId('decision-stage').textContent()).toBe('已报佐证');
    await decision.getByTestId('decision-to-closed').click();
    await okButton(page).click();
    await expect.poll(() => decision.getByTestId('decision-stage').textContent()).toBe('已办结');

    // The leader's overdue list still holds the demo's other overdue decision.
    await page.goto('/roundtable/decisions?view=overdue');
    await expect
      .poll(() => page.getByTestId('decisions-page').textContent())
      .toContain('县科技局牵头制定创新中心年度绩效考核办法');
    await context.close();
  });
});
