import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiOf, baseUrl, launchBrowser, login, newPage } from './browser.ts';

// Issue 10, "First day at the bureau": each defect replayed as a new user met it.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const NEED = '首日：双击签约立项只产生一个项目（浏览器测试）';

const firstId = async (api: Awaited<ReturnType<typeof apiOf>>, url: string) =>
  ((await api.get(url)) as { items: { id: string }[] }).items[0]?.id;

describe('first day at the bureau', () => {
  it('a fresh login page logs no console error (no 401 from the session check)', async () => {
    const { context, page } = await newPage(browser);
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').waitFor();
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the side menu highlights 招引台账 and 我的工作 themselves; a record leads back to the list it came from', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    const selected = () => page.locator('[data-testid="side-menu"] .ant-menu-item-selected').innerText();
    await page.goto('/recruitment/records');
    await expect.poll(selected).toBe('招引台账');
    await page.goto('/recruitment/my-work');
    await expect.poll(selected).toBe('我的工作');
    await page.goto('/recruitment');
    await expect.poll(selected).toBe('招引看板');
    // Open a record from 招引台账: its breadcrumb and back arrow lead to 招引台账, not the kanban.
    await page.goto('/recruitment/records');
    await page.locator('.ant-table-tbody a[href^="/recruitment/"]').first().click();
    await page.waitForURL(/\/recruitment\/[0-9a-f-]{36}$/);
    // Wait for the record itself (its breadcrumb), then read the menu once: while the record's
    // code loads the list page's highlight is still on screen and a poll would pass on it.
    await expect.poll(() => page.getByTestId('page-crumbs').innerText()).toContain('招引台账');
    await page.getByTestId('page-back').waitFor();
    expect(await selected()).toBe('招引台账');
    await page.getByTestId('page-back').click();
    await page.waitForURL(/\/recruitment\/records/);
    // The same record opened from the kanban belongs to the kanban.
    await page.goto('/recruitment');
    await expect.poll(selected).toBe('招引看板');
    await page.getByTestId('board-card').first().click();
    await page.waitForURL(/\/recruitment\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('page-crumbs').innerText()).toContain('招引看板');
    expect(await selected()).toBe('招引看板');
    await context.close();
  });

  it('needs, achievements, events and projects carry a breadcrumb and highlight their menu entry', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    for (const [path, name] of [
      ['/needs', '技术需求'],
      ['/achievements', '科技成果'],
      ['/events', '对接活动'],
      ['/projects', '合作项目'],
    ] as const) {
      await page.goto(path);
      await expect.poll(() => page.getByTestId('page-crumbs').innerText(), { message: path }).toContain(name);
      await expect
        .poll(() => page.locator('[data-testid="side-menu"] .ant-menu-item-selected').innerText())
        .toBe(name);
    }
    await context.close();
  });

  it('the kanban shows all eight stages at 1440 px: main stages side by side, 搁置 and 终止 in a side lane', async () => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await login(page, 'jx_staff');
    await page.goto('/recruitment');
    for (const stage of [
      'lead',
      'contacted',
      'negotiating',
      'signed',
      'landed',
      'operating',
      'shelved',
      'dropped',
    ]) {
      const box = await page.getByTestId(`board-column-${stage}`).boundingBox();
      expect(box, stage).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0), stage).toBeLessThanOrEqual(1440);
    }
    const lane = page.getByTestId('board-side-lane');
    await expect.poll(() => lane.locator('section').count()).toBe(2);
    await context.close();
  });

  it('double click on 签约立项 makes one project, and the pairing then shows it instead of the button', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    const api = await apiOf(page);
    const enterpriseId = await firstId(api, `/api/enterprises?q=${encodeURIComponent('山东衡兴新材料')}`);
    const instituteId = await firstId(api, `/api/institutes?q=${encodeURIComponent('山东大学')}`);
    const need = await api.post('/api/needs', {
      enterpriseId,
      title: NEED,
      description: '双击签约立项的测试需求。',
    });
    expect(need.status).toBe(200);
    for (const to of ['reviewed', 'published']) await api.post(`/api/needs/${need.body.id}/stage`, { to });
    expect((await api.post('/api/pairings', { needId: need.body.id, instituteId })).status).toBe(200);

    await page.goto(`/needs/${need.body.id}`);
    const pairings = page.getByTestId('pairings');
    await pairings.getByTestId('sign-project').click();
    await page.getByTestId('project-form').getByTestId('project-contract').fill('JX-E2E-DBL-01');
    await page.locator('.ant-modal-footer .ant-btn-primary').dblclick();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const found = (await api.get(`/api/projects?q=${encodeURIComponent(NEED)}`)) as { total: number };
    expect(found.total).toBe(1);

    await page.goto(`/needs/${need.body.id}`);
    await expect.poll(() => pairings.getByTestId('pairing-project').innerText()).toContain('达成意向');
    expect(await pairings.getByTestId('sign-project').count()).toBe(0);
    await context.close();
  });

  it('an achievement finds the local needs it could answer; a partner asks for its own institute only', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    const api = await apiOf(page);
    const instituteId = await firstId(api, `/api/institutes?q=${encodeURIComponent('山东大学')}`);
    const enterpriseId = await firstId(api, `/api/enterprises?q=${encodeURIComponent('山东衡兴新材料')}`);
    const need = await api.post('/api/needs', {
      enterpriseId,
      title: '首日：碳纤维复合材料板材的低温固化工艺',
      description: '企业需要碳纤维复合材料板材低温固化与树脂体系改性技术。',
      keywords: ['碳纤维', '低温固化'],
    });
    for (const to of ['reviewed', 'published']) await api.post(`/api/needs/${need.body.id}/stage`, { to });
    const title = '首日：碳纤维复合材料低温固化树脂体系';
    const created = await api.post('/api/achievements', {
      instituteId,
      title,
      abstract: '研究碳纤维复合材料板材的低温固化工艺与树脂体系改性。',
      keywords: ['碳纤维', '低温固化', '树脂'],
      trl: 6,
    });
    expect(created.status).toBe(200);

    await page.goto(`/achievements?q=${encodeURIComponent(title)}`);
    const row = page.locator('.ant-table-row', { hasText: title });
    await row.getByTestId('find-needs').click();
    const drawer = page.getByTestId('achievement-needs');
    await drawer
      .getByRole('link', { name: /碳纤维复合材料板材的低温固化工艺/ })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/needs/${need.body.id}$`));
    await context.close();

    // The partner of 山东大学 sees 找需求 on its own achievements only, without enterprise names.
    const partner = await newPage(browser);
    await login(partner.page, 'sdu_liaison');
    await partner.page.goto(`/achievements?q=${encodeURIComponent(title)}`);
    const own = partner.page.locator('.ant-table-row', { hasText: title });
    await own.getByTestId('find-needs').click();
    const list = partner.page.getByTestId('achievement-needs').getByTestId('recommended-needs');
    await expect.poll(() => list.innerText()).toContain('碳纤维复合材料板材的低温固化工艺');
    expect(await list.innerText()).not.toContain('山东衡兴新材料');
    await partner.context.close();
  });

  it('a landing date before the signing date is refused', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    const api = await apiOf(page);
    const { items } = (await api.get(`/api/projects?q=${encodeURIComponent(NEED)}`)) as {
      items: { id: string }[];
    };
    const id = items[0]?.id;
    const move = (body: object) => api.post(`/api/projects/${id}/stage`, body);
    expect((await move({ to: 'signed', signedOn: '2026-01-20', contractNo: 'JX-E2E-DBL-01' })).status).toBe(
      200,
    );
    expect((await move({ to: 'in_progress' })).status).toBe(200);
    expect((await move({ to: 'accepted' })).status).toBe(200);
    const early = await move({ to: 'landed', landedOn: '2026-01-10' });
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('landedOn');
    await context.close();
  });

  it('a page whose chunk is gone after a release reloads once and then shows', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto('/');
    let refused = 0;
    await page.route(/\/assets\/needs-page-[^/]+\.js$/, async (route) => {
      if (refused === 0) {
        refused += 1;
        await route.fulfill({ status: 404, body: 'gone' });
      } else await route.continue();
    });
    await page.locator('[data-testid="side-menu"] a[href="/needs"]').click();
    await expect
      .poll(() => page.getByTestId('page-crumbs').innerText(), { timeout: 20_000 })
      .toContain('技术需求');
    expect(refused).toBe(1);
    await context.close();
  });

  it('figures agree with their rows: the events cards add up the rows; an enterprise sees no pairing count it cannot check', async () => {
    const { context, page } = await newPage(browser);
    await login(page, 'jx_staff');
    await page.goto('/events');
    const rows = page.locator('[data-testid="events-page"] .ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const column = async (key: string) => {
      const header = page.locator('[data-testid="events-page"] .ant-table-thead th');
      const titles = await header.allInnerTexts();
      const at = titles.findIndex((x) => x.trim() === key);
      const cells = await rows.locator(`td:nth-child(${at + 1})`).allInnerTexts();
      return cells.reduce((n, c) => n + Number(c || 0), 0);
    };
    const card = (id: string) => page.getByTestId(id).locator('.ant-statistic-content-value').innerText();
    await expect.poll(async () => Number(await card('stat-pairings'))).toBe(await column('达成对接'));
    await expect.poll(async () => Number(await card('stat-events'))).toBe(await rows.count());
    await context.close();

    const enterprise = await newPage(browser);
    await login(enterprise.page, 'hengxing');
    await enterprise.page.goto('/needs');
    await enterprise.page.locator('.ant-table-thead').waitFor();
    expect(await enterprise.page.locator('.ant-table-thead th').allInnerTexts()).not.toContain('对接数');
    await enterprise.context.close();
  });
});
