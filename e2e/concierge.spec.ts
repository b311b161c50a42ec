import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A phone-sized, signed-in page. */
async function phone(username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await login(page, username);
  return page;
}

/** Opens the move dialog for `button` on a request page and submits it with `fields` filled. */
async function move(page: Page, button: string, fields: Record<string, string> = {}) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '→' });
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden' });
}

const stageTag = (page: Page) => page.locator('.ant-tag').first();
const noWiderThanPhone = async (page: Page) =>
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

describe('a service request from a phone: raised, handled, resolved, rated', () => {
  it('衡兴 raises it on a 390 px screen, 王芳 accepts and resolves it with a department hand-off, 衡兴 rates it', async () => {
    const title = `中试车间蒸汽管网接入 ${Date.now()}`;
    const enterprise = await phone('hengxing');
    await enterprise.goto('/concierge');
    await enterprise.getByRole('button', { name: '提交诉求' }).click();
    const drawer = enterprise.locator('.ant-drawer');
    await drawer.getByLabel('标题').fill(title);
    await drawer.getByLabel('诉求内容').fill('二期中试车间需要接入园区蒸汽管网，请协调热力公司排期。');
    await drawer.getByLabel('联系电话').fill('13905371234');
    // A double click on submit still makes one request (the form's idempotency key).
    await drawer.locator('button[type=submit]').dblclick();
    await enterprise.waitForURL(/\/concierge\/[0-9a-f-]{36}$/);
    const url = new URL(enterprise.url()).pathname;
    await expect.poll(() => stageTag(enterprise).textContent()).toBe('已提交');
    await expect.poll(() => enterprise.getByText('王芳').count()).toBeGreaterThan(0);
    await noWiderThanPhone(enterprise);
    await enterprise.goto('/concierge');
    await expect.poll(() => enterprise.getByRole('link', { name: title }).count()).toBe(1);

    const helper = await phone('jx_helper');
    await helper.goto('/concierge');
    await helper.getByRole('link', { name: title }).click();
    await helper.waitForURL(`**${url}`);
    // The helper owns the request: the requester's phone in full.
    await expect.poll(() => helper.getByText('13905371234').count()).toBe(1);
    await move(helper, '已受理');
    await expect.poll(() => stageTag(helper).textContent()).toBe('已受理');
    await helper.getByTestId('handoff-add').click();
    await helper.getByTestId('handoff-department').fill('县住建局');
    await helper.getByTestId('handoff-question').fill('协调热力公司管网接入排期');
    await helper.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => helper.getByTestId('handoff-row').textContent()).toContain('待答复');
    await helper.getByRole('button', { name: '登记答复' }).click();
    await helper.getByTestId('handoff-answer').fill('热力公司下周进场施工');
    await helper.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect
      .poll(() => helper.getByTestId('handoff-row').textContent())
      .toContain('热力公司下周进场施工');
    await move(helper, '已办结', { 办理结果: '热力公司已完成管网接入，蒸汽已通。' });
    await expect.poll(() => stageTag(helper).textContent()).toBe('已办结');
    await noWiderThanPhone(helper);

    await enterprise.goto(url);
    await expect
      .poll(() => enterprise.getByText('热力公司已完成管网接入，蒸汽已通。').count())
      .toBeGreaterThan(0);
    // Not the helper nor the office: the hand-off is shown, nothing to answer.
    expect(await enterprise.getByRole('button', { name: '登记答复' }).count()).toBe(0);
    await enterprise.locator('.ant-rate').last().locator('.ant-rate-star').nth(3).click();
    await enterprise.getByPlaceholder('评价意见（选填）').fill('专员跑前跑后，很满意');
    await enterprise.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => stageTag(enterprise).textContent()).toBe('已评价');
    await expect.poll(() => enterprise.getByText('专员跑前跑后，很满意').count()).toBeGreaterThan(0);
    const timeline = enterprise.locator('.ant-timeline');
    await expect.poll(() => timeline.textContent()).toContain('县住建局');
    await noWiderThanPhone(enterprise);

    // One request despite the double click.
    await enterprise.goto('/concierge');
    await expect.poll(() => enterprise.getByRole('link', { name: title }).count()).toBe(1);
  });
});
