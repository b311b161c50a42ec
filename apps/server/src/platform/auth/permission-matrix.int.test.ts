import * as contracts from '@gaodi/contracts';
import { can, type Role, type RouteContract } from '@gaodi/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

/**
 * Every route of the API × every role, generated from the two single sources: the route contracts
 * (each registered route is one, registerRoute takes nothing else) and the permission table
 * (PERMISSIONS through `can`). A role the table allows must get past the guard (any answer but
 * 403: its empty body is a 400, an unknown id a 404); a role it does not allow gets 403, and an
 * anonymous caller 401, for every non-public route. One app, one database, requests injected.
 */

/** One demo account per role (demo-data.ts). */
const ACCOUNTS: Record<Role, string> = {
  staff: 'jx_staff',
  taskforce_lead: 'jx_lead',
  helper: 'jx_helper',
  leader: 'jx_leader',
  enterprise: 'hengxing',
  institute: 'sdu_liaison',
  sysadmin: 'sysadmin',
  secadmin: 'secadmin',
  auditadmin: 'auditor',
};

const isRoute = (value: unknown): value is RouteContract =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RouteContract).path === 'string' &&
  typeof (value as RouteContract).method === 'string' &&
  'access' in value;

/** Ending the session comes last, so each role's other calls run signed in. */
const ROUTES = (Object.values(contracts) as unknown[])
  .filter(isRoute)
  .sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));

/** A path with every parameter filled by an id that names nothing (a 404 or a 400, never a guard's business). */
const urlOf = (route: RouteContract) =>
  route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');

/**
 * A GET narrowed to (almost) nothing where its query allows: the guard is what is tested, and an
 * export of every enterprise or audit row would hold the one embedded connection for seconds.
 */
const NARROW: Record<string, string> = { q: '名单外', from: '2999-01-01', to: '2999-01-01', pageSize: '1' };
function queryOf(route: RouteContract): string {
  const shape = (route.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  const pairs = Object.entries(NARROW).filter(([key]) => key in shape);
  return pairs.length ? `?${new URLSearchParams(pairs)}` : '';
}

const allowed = (route: RouteContract, role: Role) =>
  typeof route.access === 'string' || can(role, route.access.resource, route.access.action);

function call(
  request: (opts: Parameters<Session['request']>[0]) => Promise<LightMyRequestResponse>,
  route: RouteContract,
) {
  const payload = route.body && route.kind !== 'upload' ? {} : undefined;
  const url = urlOf(route) + (route.method === 'GET' ? queryOf(route) : '');
  return request({ method: route.method, url, ...(payload ? { payload } : {}) });
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('permission matrix: every route × every role', () => {
  it('covers the registered API: each contract is a route of the app', () => {
    expect(ROUTES.length).toBeGreaterThan(150);
    const missing = ROUTES.filter((r) => !t.app.hasRoute({ method: r.method, url: r.path }));
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('answers each role as the permission table says: allowed → past the guard, otherwise 403', async () => {
    const roles = Object.keys(ACCOUNTS) as Role[];
    // The roles run side by side (each its own session), each role's routes one after another.
    const results = await Promise.all(
      roles.map(async (role) => {
        const session = await t.login(ACCOUNTS[role]);
        const wrong: string[] = [];
        for (const route of ROUTES) {
          const res = await call(session.request, route);
          const ok = allowed(route, role)
            ? res.statusCode !== 403 && res.statusCode < 500
            : res.statusCode === 403;
          if (!ok)
            wrong.push(`${role} ${route.method} ${route.path} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
        return wrong;
      }),
    );
    expect(results.flat()).toEqual([]);
  }, 120_000); // ~1,900 requests; about 20 s on a quiet machine, more when the cores are shared

  it('answers an anonymous caller 401 on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const route of ROUTES.filter((r) => r.access !== 'public')) {
      const res = await call((opts) => t.app.inject(opts), route);
      if (res.statusCode !== 401) wrong.push(`${route.method} ${route.path} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
