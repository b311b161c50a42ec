import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, pickOption } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const STAGE = '尽职调查';

/** Today in China time, YYYY-MM-DD (what the signing-date field takes). */
function chinaDay(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A one-page PDF for the agreement upload. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function figures(page: Page): Promise<Record<string, number>> {
  const year = chinaDay().slice(0, 4);
  const res = await page.request.get(`/api/indicators?year=${year}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { indicators: { code: string; value: number }[] };
  return Object.fromEntries(body.indicators.map((i) => [i.code, i.value]));
}

describe('an office adds a stage of its own', () => {
  it('the administrator adds 尽职调查 inside 洽谈; a record moves into it and on to 签约; the figures ignore the custom stage', async () => {
    const admin = await newPage(browser);
    await login(admin.page, 'sysadmin');
    await admin.page.goto('/settings/stage-labels');
    const panel = admin.page.getByTestId('custom-stages-recruitment');
    await pickOption(admin.page, panel.getByTestId('custom-stage-refines'), '洽谈');
    await panel.getByTestId('custom-stage-label').fill(STAGE);
    await panel.getByTestId('custom-stage-add').click();
    await expect.poll(() => panel.getByTestId('custom-stage-name').allInnerTexts()).toContain(STAGE);
    await admin.context.close();

    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    const before = await figures(page);
    const list = await page.request.get('/api/recruitment/records?stage=negotiating&pageSize=5');
    const record = ((await list.json()) as { items: { id: string; instituteName: string }[] }).items[0];
    expect(record, 'a negotiating record in the demo').toBeDefined();
    await page.goto(`/recruitment/${record?.id}`);
    await expect.poll(() => page.getByTestId('record-stage').innerText()).toBe('洽谈');

    // Into the custom stage: nothing is asked but an optional note.
    await page.getByTestId('stage-move').click();
    await page
      .locator('.ant-dropdown-menu-item')
      .filter({ hasText: `洽谈 · ${STAGE}` })
      .click();
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => page.getByTestId('record-stage').innerText()).toBe(`洽谈 · ${STAGE}`);
    expect(await figures(page)).toEqual(before);

    // On to 签约, with what 签约 requires: the record is recruited now, counted once.
    await page.getByTestId('stage-move').click();
    await page
      .locator('.ant-dropdown-menu-item')
      .filter({ hasText: /^签约$/ })
      .click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.locator('#signedOn').fill(chinaDay());
    await dialog.locator('#signedOn').press('Enter');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '合作协议.pdf',
      mimeType: 'application/pdf',
      buffer: tinyPdf(),
    });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await page.locator('#stage-move-ok').click();
    await expect.poll(() => page.getByTestId('record-stage').innerText()).toBe('签约');
    const after = await figures(page);
    expect(after.institutes_recruited).toBe((before.institutes_recruited ?? 0) + 1);
    expect({ ...after, institutes_recruited: 0 }).toEqual({ ...before, institutes_recruited: 0 });
    await context.close();
  });
});
