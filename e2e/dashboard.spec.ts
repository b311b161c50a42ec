import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage } from './browser.ts';

// 领导驾驶舱 (issue 14) as a county leader reads it: the article's figures and the matchmaking
// funnel, each opening exactly the records behind it.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const counted = (text: string) => Number(/共 (\d+) 条/.exec(text)?.[1] ?? Number.NaN);

describe('领导驾驶舱', () => {
  it('a figure and each funnel step open exactly the records they count', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_leader');
    await page.locator('[data-testid="side-menu"]').getByText('领导驾驶舱').click();
    await page.getByTestId('dashboard').waitFor();
    // A figure opens exactly the records it counts (other specs sign projects in the same
    // database, so the figure is read, not assumed).
    const tile = page.getByTestId('figure-signed_projects');
    await expect.poll(() => tile.innerText()).toMatch(/\d+个/);
    const signed = Number(/(\d+)个/.exec(await tile.innerText())?.[1]);
    await tile.click();
    await page.waitForURL(/\/indicators\/signed_projects\?year=\d{4}/);
    await expect
      .poll(async () => counted(await page.getByTestId('indicator-records').innerText()))
      .toBe(signed);
    await page.goBack();
    await page.getByTestId('dashboard').waitFor();

    const funnel = page.getByTestId('dashboard-funnel');
    await funnel.getByTestId('funnel-needs_landed').waitFor();
    const steps: number[] = [];
    for (const code of [
      'needs_collected',
      'needs_published',
      'needs_paired',
      'needs_signed',
      'needs_landed',
    ]) {
      const text = await funnel.getByTestId(`funnel-${code}`).innerText();
      steps.push(Number(/\n?(\d+)/.exec(text.replace(/^\D+/, ''))?.[1]));
    }
    expect(steps[0]).toBeGreaterThan(0);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeLessThanOrEqual(steps[i - 1] ?? 0);
    await expect.poll(() => funnel.innerText()).toMatch(/转化率 \d+(\.\d)?%/);

    await funnel.getByTestId('funnel-needs_published').click();
    await page.waitForURL(/\/indicators\/needs_published\?year=\d{4}/);
    const definition = page.getByTestId('indicator-definition');
    await expect.poll(() => definition.innerText()).toContain('审核发布');
    await expect
      .poll(async () => counted(await page.getByTestId('indicator-records').innerText()))
      .toBe(steps[1]);
    await context.close();
  });
});
