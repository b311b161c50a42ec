import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../apps/server/src/demo/demo-data.ts';
import { launchBrowser, login, logout, newPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const NAME = '金乡县蒜香生物科技有限公司';
const INITIALS = 'jxxsxswkj';

describe('bureau staff keep the enterprise directory', () => {
  it('create with a wrong credit code, fix it, find it by pinyin initials, export, re-import, and the sibling county never sees it', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await expect.poll(() => page.locator('body').innerText()).toContain('张敏');

    await page.goto('/enterprises');
    await page.getByTestId('enterprise-new').click();
    await page.locator('#name').fill(NAME);
    const good = demoCreditCode('370828', 424242);
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    await page.locator('#creditCode').fill(wrong);
    await page.locator('#contactPhone').fill('13912345678');
    await page.getByTestId('enterprise-save').click();
    const creditItem = page.locator('.ant-form-item').filter({ has: page.locator('#creditCode') });
    await expect
      .poll(() => creditItem.locator('.ant-form-item-explain-error').innerText())
      .toContain('校验位错误');

    await page.locator('#creditCode').fill(good);
    await page.getByTestId('enterprise-save').click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('body').innerText()).toContain(good);

    await page.goto('/enterprises');
    await page.getByTestId('enterprise-search').locator('input').fill(INITIALS);
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    const table = page.getByTestId('enterprise-table');
    await expect.poll(() => table.innerText()).toContain(NAME);
    await expect.poll(async () => await table.locator('tbody tr.ant-table-row').count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('enterprise-export').click(),
    ]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheetText = JSON.stringify(wb.worksheets[0]?.getSheetValues());
    expect(sheetText).toContain('金乡县企业台账');
    expect(sheetText).toContain(NAME);

    await page.getByTestId('enterprise-import-input').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('import-confirm').click();
    // The export holds every enterprise of the county with its record id: all update, none duplicate.
    const rows = (wb.worksheets[0]?.rowCount ?? 0) - 3;
    await expect
      .poll(() => page.getByTestId('import-result').innerText(), { timeout: 20_000 })
      .toContain(`导入完成：新增 0 条，更新 ${rows} 条`);
    await page.getByTestId('import-close').click();

    await logout(page);

    await login(page, 'ws_staff');
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-search').locator('input').fill(INITIALS);
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await expect.poll(() => page.locator('.ant-empty').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('enterprise-table').innerText()).not.toContain(NAME);
    await context.close();
  });
});
