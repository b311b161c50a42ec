import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

type Lang = 'zh' | 'en';
const get = (lang: Lang, url: string) =>
  staff.request({ method: 'GET', url, headers: { cookie: `${staff.cookie}; gaodi_lang=${lang}` } });
const CODES = /"(equipment|chemicals|materials|garlic-food)"/;

describe('industries are named in the reader’s language wherever a record names one', () => {
  for (const url of [
    '/api/enterprises?pageSize=50',
    '/api/needs?pageSize=50',
    '/api/achievements?pageSize=50',
    '/api/talents?pageSize=50',
    '/api/platforms?pageSize=50',
    '/api/recruitment/records?pageSize=50',
    '/api/elements/industries',
  ])
    it(url, async () => {
      const zh = await get('zh', url);
      const en = await get('en', url);
      expect(zh.statusCode, zh.body).toBe(200);
      expect(zh.body).toContain('大蒜及食品加工');
      expect(en.body).not.toContain('大蒜及食品加工');
      expect(en.body).toContain('Garlic and food processing');
      expect(`${zh.body}${en.body}`.replace(/"code":"[\w-]+"/g, '')).not.toMatch(CODES);
    });
});
