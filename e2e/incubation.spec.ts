import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, pickOption } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Today in China time, YYYY-MM-DD. */
function chinaDay(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A 统一社会信用代码 with its check character (GB 32100-2015). */
function creditCode(first17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, c, i) => s + chars.indexOf(c) * (weights[i] ?? 0), 0);
  return first17 + chars[(31 - (sum % 31)) % 31];
}

const pick = (page: Page, testId: string, option: string) =>
  pickOption(page, page.getByTestId(testId), option);

/** Opens the move menu and picks the target stage; the one move dialog opens for it. */
async function move(page: Page, stage: string, title: string) {
  await page.getByTestId('incubatee-move').click();
  await page.getByTestId(`move-to-${stage}`).click();
  await expect
    .poll(() => page.locator('.ant-modal:visible .ant-modal-title').allInnerTexts())
    .toEqual([expect.stringContaining(title)]);
}

const stageOf = (page: Page) => page.getByTestId('incubatee-stage').innerText();

describe('one incubatee across the whole chain', () => {
  it('a team enters a maker space, moves to the incubator, registers, graduates into the park; the chain view shows the whole path', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    const name = `链路测试团队${Date.now() % 100000}`;
    await page.goto('/incubatees');
    await page.getByTestId('incubatee-new').click();
    await page.getByTestId('entry-name').fill(name);
    await pick(page, 'entry-carrier', '金乡县大蒜产业众创空间');
    await page.locator('#enteredOn').fill(chinaDay());
    await page.locator('#enteredOn').press('Enter');
    await page.locator('#entry-save').click();
    await expect.poll(() => page.url()).toMatch(/\/incubatees\/[0-9a-f-]{36}$/);
    await expect.poll(() => stageOf(page)).toBe('众创空间');

    await move(page, 'incubator', '孵化器');
    await pick(page, 'move-carrier', '金乡县科技企业孵化器');
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => stageOf(page)).toBe('孵化器');

    const code = creditCode(`91370828MA3E${String(Date.now() % 100000).padStart(5, '0')}`);
    await page.getByTestId('incubatee-register').click();
    await page.getByTestId('register-code').fill(code);
    await page.getByTestId('register-name').fill(`${name}科技有限公司`);
    await page.locator('#register-save').click();
    await expect.poll(() => page.getByTestId('incubatee-code').innerText()).toBe(code);

    await move(page, 'graduated', '毕业');
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('#graduatedOn').fill(chinaDay());
    await dialog.locator('#graduatedOn').press('Enter');
    await dialog.locator('#criteria').fill('年营业收入 1200 万元，授权发明专利 3 项');
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => stageOf(page)).toBe('毕业');

    await move(page, 'park', '产业园');
    await pick(page, 'move-carrier', '金乡县新材料产业园');
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => stageOf(page)).toBe('产业园');

    const chain = page.getByTestId('chain-view');
    await expect
      .poll(() => chain.locator('.ant-steps-item-title').allInnerTexts())
      .toEqual(['众创空间', '孵化器', '毕业', '产业园']);
    const steps = await Promise.all([0, 1, 2, 3].map((i) => page.getByTestId(`chain-step-${i}`).innerText()));
    expect(steps[0]).toContain('金乡县大蒜产业众创空间');
    expect(steps[1]).toContain('金乡县科技企业孵化器');
    expect(steps[2]).toContain('年营业收入 1200 万元');
    expect(steps[3]).toContain('金乡县新材料产业园');
    expect(await page.locator('h4').first().innerText()).toBe(`${name}科技有限公司`);
    await context.close();
  });
});
