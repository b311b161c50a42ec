import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let staff: Session;
let sysadmin: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
  sysadmin = await t.login('sysadmin');
});
afterAll(() => t.close());

const HUGE = '高'.repeat(200_000);
const WRONG_VALUES: unknown[] = [
  null,
  42,
  -1.5,
  true,
  [],
  {},
  '',
  HUGE,
  '<script>alert(1)</script>',
  '\u0000',
];

const validBodies: Record<string, Record<string, unknown>> = {
  '/api/enterprises': {
    creditCode: '9137082800000001XB',
    name: '畸形请求测试企业',
    industryId: null,
    scale: 'small',
    address: '',
    contactName: '',
    contactPhone: '',
  },
  '/api/institutes': { name: '畸形请求测试院所', kind: 'university', level: 'national', city: '北京' },
  '/api/experts': {
    instituteId: '00000000-0000-4000-8000-000000000000',
    name: '专家',
    title: '',
    field: '',
    phone: '',
  },
  '/api/industries': { code: 'malformed', name: '测试产业', nameEn: 'Test', isLeading: false, sortOrder: 1 },
  '/api/auth/login': { username: 'jx_staff', password: 'x' },
  '/api/auth/region': { regionCode: '370828' },
  '/api/enterprises/import/confirm': { token: 'abcdefghijklmnop' },
};

/** Every field of every body replaced by each wrong value, every field removed, plus odd bodies. */
function bodyCases(): { name: string; opts: InjectOptions; session: Session | null }[] {
  const cases: { name: string; opts: InjectOptions; session: Session | null }[] = [];
  for (const [url, body] of Object.entries(validBodies)) {
    const session = url === '/api/auth/login' ? null : staff;
    for (const field of Object.keys(body)) {
      for (const value of WRONG_VALUES) {
        cases.push({
          name: `${url} ${field}=${String(value).slice(0, 12)}`,
          opts: { method: 'POST', url, payload: { ...body, [field]: value } },
          session,
        });
      }
      const { [field]: _, ...missing } = body;
      cases.push({
        name: `${url} without ${field}`,
        opts: { method: 'POST', url, payload: missing },
        session,
      });
    }
    for (const raw of ['{', 'null', '[]', '"text"', '{"a":']) {
      cases.push({
        name: `${url} raw ${raw}`,
        opts: { method: 'POST', url, payload: raw, headers: { 'content-type': 'application/json' } },
        session,
      });
    }
    cases.push({
      name: `${url} as text/plain`,
      opts: { method: 'POST', url, payload: 'hello', headers: { 'content-type': 'text/plain' } },
      session,
    });
  }
  return cases;
}

const UNKNOWN = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const idCases = ['enterprises', 'institutes', 'experts'].flatMap((r) => [
  { method: 'GET', url: `/api/${r}/${UNKNOWN}` },
  { method: 'GET', url: `/api/${r}/not-a-uuid` },
  { method: 'GET', url: `/api/${r}/1%20OR%201=1` },
  { method: 'DELETE', url: `/api/${r}/${UNKNOWN}` },
  { method: 'POST', url: `/api/${r}/${UNKNOWN}/restore` },
  { method: 'PUT', url: `/api/${r}/not-a-uuid`, payload: {} },
]);
const queryCases = ['enterprises', 'institutes', 'experts'].flatMap((r) =>
  [
    'page=0',
    'page=-1',
    'page=abc',
    'pageSize=100000',
    'sort=password',
    'order=sideways',
    `q=${'x'.repeat(500)}`,
    'deleted=all',
  ].map((q) => ({ method: 'GET', url: `/api/${r}?${q}` })),
);

describe('malformed requests', () => {
  it('answer 4xx with the error shape, never 5xx (200+ cases)', async () => {
    const all = [
      ...bodyCases(),
      ...[...idCases, ...queryCases].map((opts) => ({
        name: `${opts.method} ${opts.url}`,
        opts: opts as InjectOptions,
        session: staff,
      })),
      {
        name: 'audit bad date',
        opts: { method: 'GET', url: '/api/audit?from=2026-13-45' } as InjectOptions,
        session: staff,
      },
      {
        name: 'users bad body',
        opts: {
          method: 'POST',
          url: '/api/users',
          payload: { username: 'A B', role: 'king' },
        } as InjectOptions,
        session: sysadmin,
      },
      {
        name: 'users patch unknown',
        opts: {
          method: 'PATCH',
          url: `/api/users/${UNKNOWN}`,
          payload: { isDisabled: true },
        } as InjectOptions,
        session: sysadmin,
      },
      {
        name: 'users patch empty',
        opts: { method: 'PATCH', url: `/api/users/${UNKNOWN}`, payload: {} } as InjectOptions,
        session: sysadmin,
      },
      {
        name: 'unknown route',
        opts: { method: 'GET', url: '/api/nothing-here' } as InjectOptions,
        session: staff,
      },
    ];
    // Forged CSRF on every state-changing route.
    for (const url of Object.keys(validBodies).filter((u) => u !== '/api/auth/login')) {
      all.push({
        name: `${url} forged csrf`,
        opts: { method: 'POST', url, payload: validBodies[url], headers: { 'x-csrf-token': 'forged' } },
        session: staff,
      });
    }
    expect(all.length).toBeGreaterThanOrEqual(200);
    const fivexx: string[] = [];
    const shapeless: string[] = [];
    for (const c of all) {
      const res = c.session ? await c.session.request(c.opts) : await t.app.inject(c.opts);
      if (res.statusCode >= 500) fivexx.push(`${c.name} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      else if (res.statusCode < 400)
        continue; // e.g. a long but valid search text
      else {
        const body = res.json();
        if (typeof body.code !== 'string' || typeof body.message !== 'string')
          shapeless.push(`${c.name} → ${res.body.slice(0, 100)}`);
      }
    }
    expect(fivexx).toEqual([]);
    expect(shapeless).toEqual([]);
  });

  it('name the wrong field in Chinese', async () => {
    const res = await staff.post('/api/institutes', { name: '', kind: 'castle', level: 'national' });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .fields.map((f: { path: string }) => f.path)
      .sort();
    expect(paths).toEqual(['kind', 'name']);
    expect(res.json().message).toBe('提交的内容有误，请检查标出的字段');
  });

  it('answer in English when the user chose English', async () => {
    const res = await staff.request({
      method: 'GET',
      url: `/api/enterprises/${UNKNOWN}`,
      headers: { cookie: `${staff.cookie}; gaodi_lang=en` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toBe('Not found');
  });
});

describe('ids in the path', () => {
  it('answer 404 for an id that cannot exist, like an unknown one', async () => {
    const session = await t.login('jx_staff');
    for (const url of ['/api/enterprises/board', '/api/enterprises/3f2504e0-4f89-41d3-9a0c-0305e82c3301']) {
      const res = await session.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});
