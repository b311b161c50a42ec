import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';
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
 * accepted once, so a second sign-in in the same 30 s takes the next step's code).
 */
async function passDemoMfa(page: Page) {
  const codePage = page.getByTestId('mfa-code-page');
  const shell = page.locator(
    '.app-layout, [data-testid="forced-password-page"], [data-testid="mfa-enrol-page"]',
  );
  await codePage.or(shell).first().waitFor({ timeout: 15_000 });
  if (!(await codePage.isVisible())) return;
  for (const offset of [0, 1, -1]) {
    const code = totpCode(DEMO_TOTP_SECRET, new Date(Date.now() + offset * 30_000));
    await page.getByTestId('mfa-code').fill(code);
    await page.getByTestId('mfa-submit').click();
    try {
      await codePage.waitFor({ state: 'detached', timeout: 5_000 });
      return;
    } catch {}
  }
  throw new Error('two-step sign-in failed');
}
