import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, login, newPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

type Lang = 'zh' | 'en';
/** zod's own wording (English or zhCN): what a user met on 30 Nov and must never read again. */
const ZOD_WORDING = /Too (small|big)|Invalid|expected|received|数值过|无效输入|期望/;

/** Staff in `lang` (the cookie and storage the language switch sets), on `path`. */
async function staffIn(lang: Lang, path: string) {
  const { context, page } = await newPage(browser);
  await context.addCookies([{ name: 'gaodi_lang', value: lang, url: baseUrl() }]);
  await login(page, 'jx_staff');
  await page.goto(path);
  return { context, page };
}

/** Opens a form dialog, saves it empty and reads the messages under its fields. */
async function saveEmpty(page: Page, open: () => Promise<void>): Promise<string[]> {
  await open();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  const errors = page.locator('.ant-modal .ant-form-item-explain-error');
  await expect.poll(() => errors.count()).toBeGreaterThan(0);
  return errors.allInnerTexts();
}

const CASES: { path: string; button: Record<Lang, string>; expected: Record<Lang, string[]> }[] = [
  {
    path: '/needs',
    button: { zh: '提交技术需求', en: 'Submit a need' },
    expected: {
      zh: ['请选择企业', '请填写需求名称', '请填写需求描述'],
      en: ['Choose the enterprise', 'Enter the need title', 'Enter the need description'],
    },
  },
  {
    path: '/events',
    button: { zh: '新增活动', en: 'New event' },
    expected: {
      zh: ['请填写活动名称', '请填写活动日期'],
      en: ['Enter the event title', 'Enter the event date'],
    },
  },
  {
    path: '/achievements',
    button: { zh: '新增成果', en: 'New achievement' },
    expected: {
      zh: ['请选择院所', '请填写成果名称', '请填写成果简介'],
      en: ['Choose the institute', 'Enter the achievement title', 'Enter the abstract'],
    },
  },
];

describe('form messages read in the user’s language and say what to do', () => {
  for (const lang of ['zh', 'en'] as Lang[])
    for (const c of CASES)
      it(`an empty form on ${c.path} (${lang}) names each missing field, the institute included`, async () => {
        const { context, page } = await staffIn(lang, c.path);
        const messages = await saveEmpty(page, () =>
          page.getByRole('button', { name: c.button[lang] }).click(),
        );
        expect(messages).toEqual(expect.arrayContaining(c.expected[lang]));
        expect(messages.filter((m) => ZOD_WORDING.test(m))).toEqual([]);
        await context.close();
      });
});
