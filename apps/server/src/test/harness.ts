import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { DEMO_PASSWORD } from '../demo/demo-data.ts';
import { DEMO_TOTP_SECRET } from '../demo/demo-mfa.ts';
import { totpCode, totpStep } from '../platform/auth/mfa/totp.ts';
import { createManualClock } from '../platform/clock.ts';
import { type Database, openDatabase } from '../platform/db/database.ts';
import { asOwner, OWNER_ROLE, TEMPLATE_DB, TEST_START } from './global-setup.ts';

/** A clone of the migrated, seeded template database, private to the calling test file. */
export async function cloneTemplateDatabase(): Promise<Database> {
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ engine: 'pglite', loadDataDir: blob });
  }
  const name = `gaodi_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB} OWNER ${OWNER_ROLE}`);
      break;
    } catch (error) {
      // Two files cloning at the same instant: the template is briefly "being accessed".
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const db = await openDatabase({ engine: 'postgres', url: asOwner(adminUrl, name), poolSize: 4 });
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      // The pool resolves end() before its sockets have closed; dropping WITH (FORCE) then would
      // terminate a closing connection under the client. Wait for the last one to go instead.
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        for (let attempt = 0; ; attempt++) {
          try {
            await a.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (error) {
            if (attempt > 50) throw error;
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      } finally {
        await a.end();
      }
    },
  };
}

export type Session = {
  username: string;
  csrf: string;
  cookie: string;
  request: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  del: (url: string) => Promise<LightMyRequestResponse>;
  /** POSTs an import confirm and waits for its background job: the result as `json()` (409 if it failed). */
  confirmImport: (url: string, token: string) => Promise<Answer>;
};

type Answer = Pick<LightMyRequestResponse, 'statusCode' | 'body' | 'json'>;

async function awaitImportJob(get: Session['get'], started: LightMyRequestResponse): Promise<Answer> {
  if (started.statusCode !== 200) return started;
  for (let job = started.json(); ; ) {
    if (job.status !== 'running') {
      const answer = job.status === 'done' ? job.result : job;
      return {
        statusCode: job.status === 'done' ? 200 : 409,
        body: JSON.stringify(answer),
        json: () => answer,
      };
    }
    await new Promise((r) => setTimeout(r, 20));
    job = (await get(`/api/import-jobs/${job.id}`)).json();
  }
}

/**
 * The authenticator app of the test's users on the test clock: each time step's code is used once,
 * so the next sign-in takes another.
 */
function createAuthenticator(app: FastifyInstance, clock: ReturnType<typeof createManualClock>) {
  /** Time steps whose code a user has used: each is accepted once, so the next sign-in takes another. */
  const usedSteps = new Map<string, Set<number>>();
  /** Secrets of accounts this test enrolled (the demo's administrators and leaders use DEMO_TOTP_SECRET). */
  const secrets = new Map<string, string>();

  /** A code of the user's secret on the test clock that the user has not used yet. */
  function nextCode(username: string): string {
    const used = usedSteps.get(username) ?? new Set<number>();
    usedSteps.set(username, used);
    let step: number | undefined;
    for (;;) {
      step = [0, -1, 1].map((d) => totpStep(clock.now()) + d).find((s) => !used.has(s));
      if (step !== undefined) break;
      clock.set(new Date(clock.now().getTime() + 30_000));
    }
    used.add(step);
    return totpCode(secrets.get(username) ?? DEMO_TOTP_SECRET, new Date(step * 30_000));
  }

  /** The second step as a user does it: the code step, or setting it up when the role requires it. */
  async function passMfa(username: string, cookie: string, csrf: string, state: 'code' | 'enrol') {
    const post = (url: string, payload?: object) =>
      app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf }, payload });
    if (state === 'enrol') {
      const enrolment = await post('/api/auth/mfa/enrol');
      if (enrolment.statusCode !== 200) throw new Error(`enrolment of ${username} failed: ${enrolment.body}`);
      secrets.set(username, enrolment.json().secret);
      usedSteps.delete(username);
    }
    const url = state === 'enrol' ? '/api/auth/mfa/enrol/confirm' : '/api/auth/mfa/verify';
    const res = await post(url, { code: nextCode(username) });
    if (res.statusCode !== 200) throw new Error(`two-step sign-in of ${username} failed: ${res.body}`);
  }
  return { nextCode, passMfa };
}

/** A signed-in user's requests: the session cookie and CSRF header on each. */
function sessionOf(app: FastifyInstance, username: string, cookie: string, csrf: string): Session {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } });
  return {
    username,
    csrf,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
    del: (url) => request({ method: 'DELETE', url }),
    confirmImport: async (url, token) =>
      awaitImportJob(
        (u) => request({ method: 'GET', url: u }),
        await request({ method: 'POST', url, payload: { token } }),
      ),
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * The real HTTP stack on a private database clone (or on `db`, a database the test prepared), with
 * a clock the test controls.
 */
export async function createTestApp(
  options: {
    start?: Date;
    loginRateLimitPerMinute?: number;
    db?: Database;
    trustProxy?: boolean;
    production?: boolean;
  } = {},
) {
  const db = options.db ?? (await cloneTemplateDatabase());
  const clock = createManualClock(options.start ?? TEST_START);
  const app: FastifyInstance = await buildApp({
    db,
    clock,
    loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 1000,
    trustProxy: options.trustProxy,
    production: options.production,
  });
  await app.ready();
  const { nextCode, passMfa } = createAuthenticator(app, clock);

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const csrf = me.json().csrfToken as string;
    const { mfa, mustChangePassword } = me.json() as {
      mfa: 'code' | 'enrol' | null;
      mustChangePassword: boolean;
    };
    if (mfa === 'code' || (mfa === 'enrol' && !mustChangePassword))
      await passMfa(username, cookie, csrf, mfa);
    return sessionOf(app, username, cookie, csrf);
  }

  return {
    app,
    db,
    clock,
    login,
    /** A code of `username`'s authenticator not used yet (for tests of the second step). */
    nextCode,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
