import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../packages/contracts/src/credit-code.ts';
import { apiOf, launchBrowser, login, newPage } from './browser.ts';

// Issue 17, optimistic concurrency as two office users meet it: two people edit the same record
// in their browsers; the second save is refused and says what changed, never overwrites.

let browser: Browser;
let first: { context: BrowserContext; page: Page };
let second: { context: BrowserContext; page: Page };
beforeAll(async () => {
  browser = await launchBrowser();
  first = await newPage(browser);
  second = await newPage(browser);
  await login(first.page, 'jx_staff'); // 张敏
  await login(second.page, 'jx_lead'); // 李强
});
afterAll(() => browser?.close());

const stamp = String(Date.now() % 10_000).padStart(4, '0');

/** Creates a record through the signed-in page's API; it must be saved. */
async function create(page: Page, url: string, data: unknown) {
  const res = await (await apiOf(page)).post(url, data);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string };
}

let serial = 0; // a retried test makes new records
async function newEnterprise(page: Page) {
  const n = ++serial;
  const first17 = `91370828MA3F${stamp}${n}`;
  return create(page, '/api/enterprises', {
    creditCode: `${first17}${creditCodeCheckChar(first17)}`,
    name: `并发编辑测试企业${stamp}-${n}`,
    scale: 'small',
    contactPhone: '0537-7210001',
  });
}

/** Replaces an input's text as a user does (select all, type). */
async function retype(input: Locator, text: string) {
  await input.fill(text);
  await expect.poll(() => input.inputValue()).toBe(text);
}

// Each test is two users' page loads and saves in one browser: about 10 s on this machine.
describe('two office users edit the same record', () => {
  it('enterprise: the second save is refused naming 联系电话; after 载入最新内容 the save goes through and the first change stays', async () => {
    const { id } = await newEnterprise(first.page);
    const [a, b] = [first.page, second.page];
    for (const page of [a, b]) {
      await page.goto(`/enterprises/${id}/edit`);
      await expect.poll(() => page.locator('#contactPhone').inputValue()).toBe('0537-7210001');
    }

    await retype(a.locator('#contactPhone'), '13900001111');
    await a.getByTestId('enterprise-save').click();
    await a.waitForURL(new RegExp(`/enterprises/${id}$`));

    await retype(b.locator('#contactPhone'), '13700002222');
    await b.getByTestId('enterprise-save').click();
    const conflict = b.getByTestId('version-conflict');
    await expect.poll(() => conflict.innerText()).toContain('已被他人修改');
    expect(await b.getByTestId('version-conflict-fields').innerText()).toContain('联系电话');
    expect(b.url()).toMatch(/\/edit$/);
    const api = await apiOf(b);
    expect((await api.get(`/api/enterprises/${id}`)).contactPhone).toBe('13900001111');

    // The latest values replace the form's, the user makes the edit again, and it is saved.
    await b.getByTestId('version-conflict-reload').click();
    await expect.poll(() => b.locator('#contactPhone').inputValue()).toBe('13900001111');
    expect(await conflict.count()).toBe(0);
    await retype(b.locator('#address'), '金乡县鸡黍镇工业园 8 号');
    await b.getByTestId('enterprise-save').click();
    await b.waitForURL(new RegExp(`/enterprises/${id}$`));
    const saved = await api.get(`/api/enterprises/${id}`);
    expect(saved).toMatchObject({ contactPhone: '13900001111', address: '金乡县鸡黍镇工业园 8 号' });
  });

  it('need (the edit dialog): the second save is refused naming the need title, in English for an English user; reloaded, it saves without undoing the first', async () => {
    const { id: enterpriseId } = await newEnterprise(first.page);
    const title = `并发编辑测试需求${stamp}`;
    const { id } = await create(first.page, '/api/needs', {
      enterpriseId,
      title,
      description: '两人同时编辑同一需求',
      contactPhone: '13800003333',
    });
    const [a, b] = [first.page, second.page];
    await b.evaluate("localStorage.setItem('gaodi_lang', 'en')"); // 李强 reads English
    const dialogOf = async (page: Page) => {
      await page.goto(`/needs/${id}`);
      await page
        .locator('.page-head')
        .getByRole('button', { name: /^编\s?辑$|^Edit$/ })
        .click();
      const form = page.getByTestId('need-form');
      await expect.poll(() => form.locator('#title').inputValue()).toBe(title);
      return form;
    };
    const [formA, formB] = [await dialogOf(a), await dialogOf(b)];

    await retype(formA.locator('#title'), `${title}（张敏改）`);
    await a.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => formA.count()).toBe(0);

    await retype(formB.locator('#contactName'), '李强');
    await b.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => b.getByTestId('version-conflict').innerText()).toContain('Someone else changed');
    expect(await b.getByTestId('version-conflict-fields').innerText()).toContain('need title');
    const api = await apiOf(b);
    expect((await api.get(`/api/needs/${id}`)).title).toBe(`${title}（张敏改）`);

    await b.getByTestId('version-conflict-reload').click();
    await expect.poll(() => formB.locator('#title').inputValue()).toBe(`${title}（张敏改）`);
    expect(await formB.locator('#contactName').inputValue()).toBe(''); // what was typed is not kept
    await retype(formB.locator('#contactName'), '李强');
    await b.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => formB.count()).toBe(0);
    expect(await api.get(`/api/needs/${id}`)).toMatchObject({
      title: `${title}（张敏改）`,
      contactName: '李强',
    });
  });
});
