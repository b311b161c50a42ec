import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../test/harness.ts';

/**
 * Issue 9, low findings: each replayed as the attacker did it, expecting the refusal.
 * (Malformed multipart: platform/http/upload.int.test.ts; import jobs: platform/jobs.)
 */
let t: TestApp;
let staff: Session;
let enterprise: Session;
let institute: Session;
let auditor: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  enterprise = await t.login('hengxing');
  institute = await t.login('sdu_liaison');
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

describe('who sees the county helpers', () => {
  it('lists them to staff, never to enterprise or institute users', async () => {
    expect((await staff.get('/api/projects/helpers')).statusCode).toBe(200);
    expect((await enterprise.get('/api/projects/helpers')).statusCode).toBe(403);
    expect((await institute.get('/api/projects/helpers')).statusCode).toBe(403);
  });
});

describe('repeated refusals', () => {
  it('write one audit row per user and route per minute, then one row with the repeat count', async () => {
    const denied = async () =>
      (await auditor.get('/api/audit?result=denied&actor=hengxing&pageSize=200')).json().items as {
        action: string;
        detail: { repeated?: number } | null;
      }[];
    const before = (await denied()).length;
    for (let i = 0; i < 40; i++) expect((await enterprise.get('/api/audit')).statusCode).toBe(403);
    expect((await denied()).length).toBe(before + 1);
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    expect((await enterprise.get('/api/audit')).statusCode).toBe(403);
    const after = await denied();
    expect(after.length).toBe(before + 3);
    expect(after.some((r) => r.detail?.repeated === 39)).toBe(true);
  });
});

describe('headers and origin', () => {
  it('answers with CSP (frame-ancestors), X-Frame-Options, nosniff and Referrer-Policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('refuses a state-changing request from another site even with the token', async () => {
    const body = { name: '跨站写入', nameEn: 'Cross site', code: 'xsite-1' };
    const cross = await staff.request({
      method: 'POST',
      url: '/api/industries',
      payload: body,
      headers: { origin: 'https://evil.example' },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().code).toBe('ORIGIN');
    const fetchSite = await staff.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.statusCode).toBe(403);
    const lead = await t.login('jx_lead');
    const same = await lead.request({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { origin: 'http://localhost:80' },
    });
    expect(same.statusCode, same.body).toBeLessThan(300);
  });
});

describe('behind a TLS proxy, in production', () => {
  let p: TestApp;
  beforeAll(async () => {
    p = await createTestApp({ trustProxy: true, production: true });
  });
  afterAll(() => p.app.close());

  it('sets Secure cookies and HSTS when the proxy says https; OpenAPI only after sign-in', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const login = await p.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'jx_staff', password: 'Gaodi@2026' },
      headers: https,
    });
    const cookie = login.cookies.find((c) => c.name === 'gaodi_session');
    expect(cookie?.secure).toBe(true);
    expect(login.headers['strict-transport-security']).toContain('max-age=');
    expect((await p.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    const signedIn = await p.app.inject({
      method: 'GET',
      url: '/api/docs/json',
      headers: { cookie: `gaodi_session=${cookie?.value}` },
    });
    expect(signedIn.statusCode).toBe(200);
  });
});
