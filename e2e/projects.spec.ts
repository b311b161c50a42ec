import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, pickOption } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const TITLE = '高性能电工材料联合研发（浏览器测试）';

describe('a cooperation project without a pairing', () => {
  it('staff open 新建项目, are told to choose a party, choose an enterprise and an institute, and land on the new project', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto('/projects');
    await page.getByTestId('project-new').click();
    const form = page.getByTestId('project-form');
    await form.getByTestId('project-title').fill(TITLE);
    await form.getByTestId('project-amount').fill('12.5');
    await form.getByTestId('project-contract').fill('JX-E2E-DIRECT-01');
    const save = page.locator('.ant-modal-footer .ant-btn-primary');

    // No party yet: the server refuses, and says so on the enterprises field.
    await save.click();
    const enterprisesItem = form
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('project-enterprises') });
    await expect
      .poll(() => enterprisesItem.locator('.ant-form-item-explain-error').innerText())
      .toContain('至少需要一个合作方');
    expect(page.url()).toMatch(/\/projects$/);

    await pickOption(page, form.getByTestId('project-enterprises'), '山东衡兴新材料有限公司', '衡兴');
    await pickOption(page, form.getByTestId('project-institutes'), '山东大学', '山东大学');
    await pickOption(page, form.getByTestId('project-helper'), '王芳', '王芳');
    await save.click();

    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('.page-head h4').innerText()).toContain(TITLE);
    const body = () => page.locator('body').innerText();
    await expect.poll(body).toContain('山东衡兴新材料有限公司、山东大学');
    await expect.poll(body).toContain('12.5 万元');
    await expect.poll(body).toContain('JX-E2E-DIRECT-01');
    await expect.poll(() => page.getByTestId('project-stage').innerText()).toBe('意向');
    await expect.poll(() => page.getByTestId('project-helper-name').innerText()).toBe('王芳');

    // It is on the list.
    await page.goto('/projects');
    await expect.poll(() => page.locator('.ant-table').innerText()).toContain(TITLE);
    await context.close();
  });
});
