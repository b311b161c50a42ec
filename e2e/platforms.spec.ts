import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, pickOption } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const INDUSTRY = '大蒜及食品加工';

describe('a platform proves physical operation and its leading talent reaches the industry page', () => {
  it('staff registers a platform with partners and evidence, it turns operating; a leading talent linked to it appears on 大蒜及食品加工', async () => {
    const stamp = Date.now().toString(36).slice(-5);
    const platformName = `大蒜功能成分联合实验室-${stamp}`;
    const talentName = `测试领军-${stamp}`;
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');

    // Register: 校地企 partners as records (an institute leads, an enterprise co-builds).
    await page.goto('/platforms');
    await page.getByTestId('platform-new').click();
    await page.getByTestId('platform-name').fill(platformName);
    await pickOption(page, page.getByTestId('platform-industry'), INDUSTRY);
    await page.getByTestId('partner-add').click();
    await pickOption(page, page.getByTestId('partner-0').getByTestId('partner-org'), '山东大学', '山东大学');
    await page.getByTestId('partner-add').click();
    const second = page.getByTestId('partner-1');
    await pickOption(page, second.getByTestId('partner-kind'), '企业');
    await pickOption(page, second.getByTestId('partner-org'), '衡兴', '衡兴');
    await page.getByTestId('platform-save').click();
    await page.waitForURL(/\/platforms\/[0-9a-f-]{36}$/);
    const platformUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('platform-status').innerText()).toBe('未达实体化运营');
    const partners = await page.getByTestId('platform-page').innerText();
    expect(partners).toContain('山东大学');
    expect(partners).toContain('衡兴');

    // This year's evidence meets the criteria: operating, proven rather than declared.
    await page.getByTestId('evidence-add').click();
    const evidence = {
      staff: 18,
      areaM2: 900,
      equipmentFen: 260,
      rdSpendingFen: 90,
      patents: 2,
      products: 1,
    };
    for (const [field, value] of Object.entries(evidence))
      await page.getByTestId(`evidence-${field}`).fill(String(value));
    await page.getByTestId('evidence-save').click();
    await expect.poll(() => page.getByTestId('platform-status').innerText()).toBe('实体化运营');
    const operating = await page.request.get(
      `/api/platforms?isOperating=true&pageSize=200&q=${encodeURIComponent(platformName)}`,
    );
    expect(((await operating.json()) as { total: number }).total).toBe(1);

    // A leading talent (泰山产业领军人才 this year, cultivated) serving the platform.
    await page.goto('/talents');
    await page.getByTestId('talent-new').click();
    await page.getByTestId('talent-name').fill(talentName);
    await pickOption(page, page.getByTestId('talent-employer'), '衡兴', '衡兴');
    await pickOption(page, page.getByTestId('talent-industry'), INDUSTRY);
    await page.getByTestId('award-add').click();
    await pickOption(page, page.getByTestId('award-programme'), '泰山产业领军人才');
    await pickOption(page, page.getByTestId('talent-platforms'), platformName, stamp);
    await page.getByTestId('talent-save').click();
    await page.waitForURL(/\/talents\/[0-9a-f-]{36}$/);

    // The platform lists the talent; the industry page shows both, the talent as leading.
    await page.goto(platformUrl);
    await expect.poll(() => page.getByTestId('platform-talents').innerText()).toContain(talentName);
    await page.getByTestId('platform-page').getByRole('link', { name: INDUSTRY }).click();
    await page.waitForURL(/\/elements\/[0-9a-f-]{36}$/);
    const talents = page.getByTestId('industry-talents');
    const row = talents.locator('tr').filter({ hasText: talentName });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('领军人才');
    const platformRow = page
      .getByTestId('industry-platforms')
      .locator('tr')
      .filter({ hasText: platformName });
    await expect.poll(() => platformRow.innerText()).toContain('实体化运营');
    await context.close();
  });

  it('the system administrator sets the criteria for physical operation; staff keep the talent programme catalogue', async () => {
    const admin = await newPage(browser);
    await login(admin.page, 'sysadmin');
    await admin.page.goto('/platforms/criteria');
    await expect.poll(() => admin.page.getByTestId('criteria-minStaff').inputValue()).toBe('10');
    await expect.poll(() => admin.page.getByTestId('criteria-default').count()).toBe(1);
    // The same numbers, now the office's own: nothing is judged differently.
    await admin.page.getByTestId('criteria-save').click();
    await expect.poll(() => admin.page.getByTestId('criteria-default').count()).toBe(0);
    await admin.context.close();

    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto('/talents/catalogue');
    const leading = page
      .getByTestId('catalogue-programmes')
      .locator('tr')
      .filter({ hasText: '泰山产业领军人才' });
    await expect.poll(() => leading.innerText()).toContain('领军人才');
    const groups = page.getByTestId('catalogue-groups');
    await expect.poll(() => groups.innerText()).toContain('金乡县人才联盟');
    expect(await groups.innerText()).toContain('金乡县博士团');
    const name = `县级英才计划-${Date.now().toString(36).slice(-5)}`;
    await page.getByTestId('programme-name').fill(name);
    await page.getByTestId('programme-add-submit').click();
    await expect.poll(() => page.getByTestId('catalogue-programmes').innerText()).toContain(name);
    // Criteria are read-only for staff.
    await page.goto('/platforms/criteria');
    await expect.poll(() => page.getByTestId('criteria-form').count()).toBe(1);
    expect(await page.getByTestId('criteria-save').count()).toBe(0);
    await context.close();
  });
});
