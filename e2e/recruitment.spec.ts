import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pickOption } from './browser.ts';

// This flow moves the server's clock, so it runs its own server with GAODI_TEST_CLOCK=1 (the UI is
// the one global-setup built) instead of sharing the suite's.
let browser: Browser;
let server: ChildProcess;
let baseUrl = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gaodi-e2e-rec-'));
  const port = await freePort();
  server = spawn('npx', ['tsx', 'apps/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GAODI_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      GAODI_TEST_CLOCK: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('server did not start in 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
});

async function login(page: Page, username: string) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('Gaodi@2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

const pick = (page: Page, testId: string, text: string) =>
  pickOption(page, page.getByTestId(testId), text, text);

const INSTITUTE = '浙江大学宁波研究院';

/** Creates the record for INSTITUTE from the form: it opens in 线索 with a green light. */
async function createRecord(page: Page) {
  await page.goto('/recruitment/new');
  await pick(page, 'form-institute', INSTITUTE);
  await pick(page, 'form-lead', '李强');
  await page.getByTestId('form-submit').click();
  await page.waitForURL(/\/recruitment\/[0-9a-f-]{36}$/);
  await expect.poll(() => page.getByTestId('record-stage').textContent()).toBe('线索');
  await expect.poll(() => page.getByTestId('light-green').count()).toBeGreaterThan(0);
}

/** Logs a visit on the open record: it shows in the timeline. */
async function logVisit(page: Page) {
  await page.getByTestId('entry-add').click();
  await page.getByTestId('entry-content').fill('走访研究院，座谈新材料中试合作');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect
    .poll(() => page.getByTestId('ledger-timeline').textContent())
    .toContain('走访研究院，座谈新材料中试合作');
}

/** Moves the card on the board: 线索 → 接洽 (a refused drop to 签约 changes nothing). */
async function moveOnBoard(page: Page) {
  await page.goto('/recruitment');
  const card = page.locator(`[data-record="${INSTITUTE}"]`);
  await card.waitFor();
  await card.dragTo(page.getByTestId('board-column-signed'));
  await expect.poll(() => page.locator('.ant-modal:visible').count()).toBe(0);
  await card.dragTo(page.getByTestId('board-column-contacted'));
  await page.locator('#stage-move-ok').click();
  await expect
    .poll(() => page.getByTestId('board-column-contacted').locator(`[data-record="${INSTITUTE}"]`).count())
    .toBe(1);
}

/** Groups the board by grade (kept in the URL): the card dragged from B to A is still in A after a reload; by light nothing is draggable. */
async function regradeOnBoard(page: Page) {
  const card = page.locator(`[data-record="${INSTITUTE}"]`);
  await page.goto(`/recruitment?q=${encodeURIComponent(INSTITUTE)}`);
  await page.getByTestId('board-group-grade').click();
  await page.waitForURL(/groupBy=grade/);
  const inColumn = (key: string) =>
    page.getByTestId(`board-column-${key}`).locator(`[data-record="${INSTITUTE}"]`).count();
  await expect.poll(() => inColumn('B')).toBe(1);
  await card.dragTo(page.getByTestId('board-column-A'));
  await expect.poll(() => inColumn('A')).toBe(1);
  await page.reload();
  // After a reload the app boots again (session, stage names, the board): give it time on a busy machine.
  await expect.poll(() => inColumn('A'), { timeout: 15_000 }).toBe(1);
  expect(await inColumn('B')).toBe(0);
  // by light nothing is draggable: the hint says why
  await page.getByTestId('board-group-light').click();
  await expect.poll(() => page.getByTestId('board-hint').textContent()).toContain('自动计算');
  expect(await card.getAttribute('draggable')).not.toBe('true');
}

/** A month without a ledger entry: the record's light turns yellow, with its reason. */
async function monthLater(page: Page, csrf: string, recordUrl: string) {
  const moved = await page.request.post('/api/test/clock', {
    headers: { 'x-csrf-token': csrf },
    data: { days: 30 },
  });
  expect(moved.status()).toBe(200);
  await login(page, 'jx_staff'); // the session idled out in the month that passed
  await page.goto(recordUrl);
  await expect.poll(() => page.getByTestId('light-yellow').count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('light-reasons').textContent()).toContain('30 天无工作台账记录');
}

/** Exports the month's ledger: the sheet names the county, the record and its yellow light. */
async function exportLedger(page: Page) {
  await page.goto('/recruitment/records');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('ledger-export').click(),
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const summary = JSON.stringify(wb.getWorksheet('工作台账')?.getSheetValues());
  expect(summary).toContain('金乡县大院大所招引工作台账');
  expect(summary).toContain(INSTITUTE);
  expect(summary).toContain('黄灯');
}

describe('the bureau’s morning routine', () => {
  it('create a record, log a visit, move it on the board, see it turn yellow a month later, export the ledger', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'zh-CN',
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await login(page, 'jx_staff');
    const csrf = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    const inst = await page.request.post('/api/institutes', {
      headers: { 'x-csrf-token': csrf },
      data: { name: INSTITUTE, kind: 'research', level: 'provincial', city: '宁波' },
    });
    expect(inst.status()).toBe(200);
    await createRecord(page);
    await logVisit(page);
    const recordUrl = page.url();
    await moveOnBoard(page);
    await regradeOnBoard(page);
    await monthLater(page, csrf, recordUrl);
    await exportLedger(page);
    await context.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
