import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';
import { expect, inject } from 'vitest';
import { DEMO_TOTP_SECRET } from '../apps/server/src/demo/demo-mfa.ts';
import { totpCode } from '../apps/server/src/platform/auth/mfa/totp.ts';

/** Debian's Chromium, headless, with the flags this sandbox needs; never a downloaded browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const baseUrl = () => inject('baseUrl');

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'zh-CN',
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  return { context, page };
}

export async function login(page: Page, username: string, password = 'Gaodi@2026') {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await passDemoMfa(page);
}

/**
 * The demo's administrators and leaders then enter the code of DEMO_TOTP_SECRET (each time step is
 * accepted once, so a second sign-in in the same 30 s takes the next step's code). The server's
 * answer decides whether the code passed, not how soon the page changes: a slow answer on a busy
 * machine is not a refusal.
 */
async function passDemoMfa(page: Page) {
  const codePage = page.getByTestId('mfa-code-page');
  const shell = page.locator(
    '.app-layout, [data-testid="forced-password-page"], [data-testid="mfa-enrol-page"]',
  );
  await codePage.or(shell).first().waitFor();
  if (!(await codePage.isVisible())) return;
  for (const offset of [0, 1, -1]) {
    const code = totpCode(DEMO_TOTP_SECRET, new Date(Date.now() + offset * 30_000));
    await page.getByTestId('mfa-code').fill(code);
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/auth/mfa/verify',
    );
    await page.getByTestId('mfa-submit').click();
    if ((await answer).ok()) {
      await codePage.waitFor({ state: 'detached' });
      return;
    }
  }
  throw new Error('two-step sign-in failed');
}

/** Polls `read` until `done` holds, returning the last value read (its message names the last state). */
async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout = 30_000,
): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        last = await read();
        return done(last) ? 'done' : last;
      },
      { timeout, interval: 200 },
    )
    .toBe('done');
  return last as T;
}

/**
 * Waits until an Ant Design popup (menu, select dropdown) has finished its opening motion. Clicking
 * an item while it zooms in loses the click under load: the button goes down on the item and up
 * on what is behind it once the popup has moved (seen: pointerdown on 退出登录, pointerup on the
 * user's name, the click on <body>; no sign-out).
 */
async function settled(popup: Locator) {
  await pollUntil(
    () =>
      popup.evaluate(
        (el) =>
          !/-(appear|enter|leave)\b/.test(el.className) &&
          el.getAnimations({ subtree: true }).every((a: { playState: string }) => a.playState !== 'running'),
      ),
    (done) => done,
  );
}

/** Opens the header's user menu and chooses an item (by its test id) once the menu stands still. */
export async function chooseUserMenu(page: Page, testId: string) {
  await page.getByTestId('user-menu').click();
  const item = page.getByTestId(testId);
  await item.waitFor();
  await settled(page.locator('.ant-dropdown').filter({ has: item }));
  await item.click();
}

/**
 * 退出登录 from the header's user menu; done when the sign-in form is on screen. When the page
 * does not get there, the error says what the sign-out request got and what the page shows.
 */
export async function logout(page: Page) {
  const seen: string[] = [];
  const isLogout = (url: string) => new URL(url).pathname === '/api/auth/logout';
  const onRequest = (r: Request) => isLogout(r.url()) && seen.push(`sent ${r.method()}`);
  const onResponse = (r: Response) => isLogout(r.url()) && seen.push(`answered ${r.status()}`);
  const onFailed = (r: Request) => isLogout(r.url()) && seen.push(`failed ${r.failure()?.errorText}`);
  page.on('request', onRequest).on('response', onResponse).on('requestfailed', onFailed);
  try {
    await chooseUserMenu(page, 'logout');
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByTestId('login-username').waitFor();
  } catch (error) {
    const menu = await page.getByTestId('logout').isVisible();
    const shell = await page.locator('.app-layout').count();
    throw new Error(
      `sign-out did not reach /login: ${page.url()}; logout request: ${seen.join(', ') || 'none'}; menu open: ${menu}; app shell shown: ${shell > 0}`,
      { cause: error },
    );
  } finally {
    page.off('request', onRequest).off('response', onResponse).off('requestfailed', onFailed);
  }
}

/**
 * The dropdown of an Ant Design select or tree select: rc-select names its list `<input id>_list`,
 * so a locator of this select's own dropdown, not of whichever dropdown happens to be visible
 * (a closing one stays visible while it fades out).
 */
async function dropdownOf(page: Page, select: Locator) {
  const id = await select.locator('input').first().getAttribute('id');
  return page.locator(`.ant-select-dropdown:has([id="${id}_list"])`);
}

/**
 * Picks the option with `text` in an Ant Design select, typing `search` first when given, and
 * closes the dropdown. Deterministic under load: it waits for the search's answer (the select's
 * loading state) before clicking, so a list re-rendered under the pointer cannot swallow the
 * click; it checks that the value was taken and tries again if not; it returns once the dropdown
 * is hidden, so the next click cannot land on it.
 */
export async function pickOption(page: Page, select: Locator, text: string, search?: string) {
  const input = select.locator('input').first();
  const dropdown = await dropdownOf(page, select);
  const option = dropdown.locator('.ant-select-item-option').filter({ hasText: text }).first();
  const chosen = select
    .locator('.ant-select-content-has-value, .ant-select-selection-item')
    .filter({ hasText: text });
  const step = async () => {
    if ((await chosen.count()) > 0) return 'chosen';
    if ((await input.getAttribute('aria-expanded')) !== 'true') {
      await select.click();
      return 'opening';
    }
    if (search !== undefined && (await input.inputValue()) !== search) {
      await input.fill(search);
      return 'searching';
    }
    if ((await classesOf(select)).includes('ant-select-loading') || !(await option.isVisible()))
      return 'waiting for the option';
    await settled(dropdown);
    // A multiple select's option toggles: never click one already taken.
    if (!(await option.evaluate((el) => el.classList.contains('ant-select-item-option-selected'))))
      await option.click();
    return 'clicked';
  };
  await pollUntil(step, (s) => s === 'chosen');
  await closeSelect(select);
}

/** The classes of the select's root element (the test id may sit on it or around it). */
const classesOf = (select: Locator) =>
  select.evaluate((el) => [
    ...((el.closest('.ant-select') ?? el.querySelector('.ant-select'))?.classList ?? []),
  ]);

/**
 * Closes a select's dropdown and waits until it is gone. A single select closes itself on its
 * pick; a multiple one stays open, and Escape closes it (the select keeps that Escape from a
 * surrounding modal).
 */
export async function closeSelect(select: Locator) {
  const input = select.locator('input').first();
  const isOpen = (await input.getAttribute('aria-expanded')) === 'true';
  if (isOpen && (await classesOf(select)).includes('ant-select-multiple')) await input.press('Escape');
  await (await dropdownOf(select.page(), select)).waitFor({ state: 'hidden' });
}

/** The API as the signed-in page calls it (cookie and CSRF token of the session). */
export async function apiOf(page: Page) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as {
    me: { csrfToken: string };
  };
  const headers = { 'x-csrf-token': session.me.csrfToken };
  return {
    get: async (url: string) => (await page.request.get(url)).json(),
    post: async (url: string, data: unknown) => {
      const res = await page.request.post(url, { headers, data: data as object });
      return { status: res.status(), body: await res.json() };
    },
  };
}
