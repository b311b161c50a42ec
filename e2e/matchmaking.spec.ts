import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, pickOption } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const NEED = '蒜氨酸高效提取与稳定化（浏览器测试）';
/** Today in China (YYYY-MM-DD): the server was started (and the demo loaded) on it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** The demo's signing ceremony, held in the year it was loaded in. */
const EVENT = `${TODAY.slice(0, 4)}年金乡县产学研合作签约仪式`;

describe('the matchmaking path in the browser', () => {
  it('enterprise submits a need → staff publish it → recommendations with highlighted reasons → pairing → recorded at an event → project signed with a helper → found under the event’s outcomes', async () => {
    // The enterprise submits its need.
    const enterprise = await newPage(browser);
    await login(enterprise.page, 'hengxing');
    await enterprise.page.goto('/needs');
    await enterprise.page.getByTestId('new-need').click();
    const form = enterprise.page.getByTestId('need-form');
    await form.locator('#title').fill(NEED);
    await form
      .locator('#description')
      .fill('大蒜深加工过程中蒜氨酸得率低、易降解，需要高效提取与稳定化技术。');
    await enterprise.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await enterprise.page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    const needUrl = new URL(enterprise.page.url()).pathname;
    await expect.poll(() => enterprise.page.getByTestId('need-stage').innerText()).toBe('已征集');
    await enterprise.context.close();

    // Staff review and publish it, then read the recommendations.
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto(needUrl);
    await page.getByTestId('need-stage-reviewed').click();
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => page.getByTestId('need-stage').innerText()).toBe('已审核');
    await page.getByTestId('need-stage-published').click();
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => page.getByTestId('need-stage').innerText()).toBe('已发布');
    const first = page.getByTestId('recommended-institute').first();
    await expect.poll(() => first.innerText(), { timeout: 15_000 }).toContain('江南大学');
    // The reasons: matched terms highlighted in the achievement's text.
    await expect.poll(() => first.locator('mark.match-term').allInnerTexts()).toContain('蒜氨酸');

    // Accept the first recommendation as a pairing.
    await first.getByTestId('accept-pairing').click();
    const pairings = page.getByTestId('pairings');
    await expect.poll(() => pairings.innerText()).toContain('江南大学');
    await expect.poll(() => page.getByTestId('need-stage').innerText()).toBe('对接中');

    // Record it at an event.
    await pickOption(page, pairings.getByTestId('pairing-event'), '签约仪式', '签约仪式');
    await expect.poll(() => pairings.innerText()).toContain(EVENT);

    // Sign a project from it, with a helper.
    await pairings.getByTestId('sign-project').click();
    const projectForm = page.getByTestId('project-form');
    await pickOption(page, projectForm.getByTestId('project-helper'), '王芳', '王芳');
    await projectForm.getByTestId('project-contract').fill('JX-E2E-001');
    await projectForm.locator('#signedOn').fill(TODAY);
    await projectForm.locator('#signedOn').press('Enter');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectTitle = await page.locator('.page-head h4').innerText();
    expect(projectTitle).toContain(NEED);
    await expect.poll(() => page.getByTestId('project-stage').innerText()).toBe('签约');
    await expect.poll(() => page.getByTestId('project-helper-name').innerText()).toBe('王芳');

    // The event lists the project among its outcomes.
    await page.getByRole('link', { name: EVENT }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('event-projects').innerText()).toContain(projectTitle);
    await context.close();
  });
});
