import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const INSTITUTE = '北京化工大学';
const MILESTONE = '中试基地设备进场（浏览器测试）';
const NOTE = '设备进场验收单已签字';

/** A small valid PDF (one page, one line of text), with a correct cross-reference table. */
function minimalPdf(line: string): Buffer {
  const content = `BT /F1 12 Tf 20 50 Td (${line}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Today as an office in China writes it: 2026年11月29日. */
function chinaToday(): string {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-')
    .map(Number);
  return `${y}年${m}月${d}日`;
}

describe('a recruitment milestone done with its proof', () => {
  it('staff add a milestone, mark it done with a PDF and a note, and the record shows the proof to download', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto('/recruitment/records');
    await page.getByRole('link', { name: INSTITUTE }).first().click();
    await page.waitForURL(/\/recruitment\/[0-9a-f-]{36}$/);

    // A milestone of our own, so the flow does not depend on the demo's.
    await page.getByRole('button', { name: '新增节点' }).click();
    const addDialog = page.locator('.ant-modal:visible');
    await addDialog.locator('#title').fill(MILESTONE);
    await addDialog.locator('#dueOn').fill(`${new Date().getFullYear() + 1}-12-31`);
    await addDialog.locator('#dueOn').press('Enter');
    await addDialog.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = page.locator('.ant-table-row').filter({ hasText: MILESTONE });
    await expect.poll(() => row.count()).toBe(1);

    // Mark it done, with a proof PDF and a note.
    await row.getByTestId('milestone-done').click();
    const dialog = page.locator('.ant-modal:visible');
    await expect.poll(() => dialog.innerText()).toContain(`标记完成：${MILESTONE}`);
    await dialog.locator('input[type=file]').setInputFiles({
      name: '设备进场验收单.pdf',
      mimeType: 'application/pdf',
      buffer: minimalPdf('Equipment on site, accepted'),
    });
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await dialog.getByTestId('milestone-proof-note-input').fill(NOTE);
    await page.locator('#milestone-done-ok').click();
    await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);

    // The record shows when it was done, the proof as a download link and the note.
    await expect.poll(() => row.innerText()).toContain(chinaToday());
    await expect.poll(() => row.getByTestId('milestone-proof-note').innerText()).toBe(NOTE);
    const link = row.getByTestId('milestone-proof');
    await expect.poll(() => link.innerText()).toContain('完成证明材料');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('设备进场验收单.pdf');
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // Still there after a reload (it was saved, not only shown).
    await page.reload();
    // After a reload the app boots again (session, stage names, the record): give it time on a busy machine.
    await expect.poll(() => row.getByTestId('milestone-proof').count(), { timeout: 15_000 }).toBe(1);
    await context.close();
  });
});
