import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, wecomAnswer } from '../apps/server/src/test/channel-receivers.ts';
import { launchBrowser, login, newPage } from './browser.ts';

// A WeCom group robot on loopback, checking the request as WeCom documents it (key, JSON markdown).
const KEY = 'e2e-robot-key-7f3a';
let browser: Browser;
let robot: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  browser = await launchBrowser();
  robot = await startReceiver(wecomAnswer(KEY));
});
afterAll(async () => {
  await browser?.close();
  await robot?.close();
});

describe('notification channels and one’s own notification settings', () => {
  it('the system administrator pastes a WeCom robot address, sends a test message that arrives, and never sees the key again', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'sysadmin');
    await page.getByRole('link', { name: '通知渠道' }).click();
    await page.getByTestId('channels-page').waitFor();
    expect(await page.title()).toContain('通知渠道');
    const card = page.getByTestId('channel-wecom');
    // The robot's full address as WeCom hands it out: the page splits the key into the secret.
    await card.locator('#wecom_settings_endpoint').fill(`${robot.url}/cgi-bin/webhook/send?key=${KEY}`);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/notification-channels') && r.request().method() === 'PUT',
    );
    await card.getByTestId('wecom-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => page.getByTestId('wecom-secret-status').innerText()).toBe('已设置');
    await page.getByTestId('wecom-test').click();
    const result = page.getByTestId('channel-test-result');
    await expect.poll(() => result.innerText()).toContain('测试消息已发送：服务商答复 200 errcode 0');
    expect(robot.refused).toEqual([]);
    expect(robot.taken.at(-1)?.url.searchParams.get('key')).toBe(KEY);
    const md = robot.taken.at(-1)?.json.markdown as { content: string };
    expect(md.content).toContain('**【高地】测试消息**');
    expect(md.content).toMatch(/\[查看详情\]\(http:\/\/[^)]+\/settings\/notifications\)/);
    // Read back after a reload: the address without the key, the key only as 已设置.
    await page.reload();
    await page.getByTestId('channel-wecom').waitFor();
    await expect
      .poll(() => page.getByTestId('channel-wecom').locator('#wecom_settings_endpoint').inputValue())
      .toBe(`${robot.url}/cgi-bin/webhook/send`);
    expect(await page.getByTestId('wecom-secret-status').innerText()).toBe('已设置');
    expect(await page.content()).not.toContain(KEY);
    const api = await page.request.get('/api/notification-channels');
    expect(await api.text()).not.toContain(KEY);
    await context.close();
  });

  it('a staff member chooses events and channels and quiet hours; they are kept after a reload', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.getByRole('link', { name: '通知设置' }).click();
    const form = page.getByTestId('preferences-form');
    await form.waitFor();
    await form.locator('#preferences_email').fill('zhang.wei@example.cn');
    // Projects no longer by e-mail; supervision lights by SMS too.
    await page.getByTestId('pref-email-project').click();
    await page.getByTestId('pref-sms-supervision').click();
    await page.getByTestId('quiet-from').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '21:30' })
      .click();
    await page.getByTestId('preferences-save').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('通知设置已保存');
    await page.reload();
    await page.getByTestId('preferences-form').waitFor();
    await expect.poll(() => page.locator('#preferences_email').inputValue()).toBe('zhang.wei@example.cn');
    expect(await page.getByTestId('pref-email-project').isChecked()).toBe(false);
    expect(await page.getByTestId('pref-email-supervision').isChecked()).toBe(true);
    expect(await page.getByTestId('pref-sms-supervision').isChecked()).toBe(true);
    expect(await page.getByTestId('pref-sms-project').isChecked()).toBe(false);
    expect(await page.getByTestId('quiet-from').innerText()).toContain('21:30');
    expect(await page.getByTestId('quiet-to').innerText()).toContain('07:00');
    await context.close();
  });
});
