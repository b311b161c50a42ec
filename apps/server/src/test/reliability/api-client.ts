import { DEMO_PASSWORD } from '../../demo/demo-data.ts';

export type Answer = { status: number; body: unknown };

/** A signed-in user over real HTTP (fetch): session cookie and CSRF token, as the web app holds them. */
export type ApiClient = {
  get: (path: string) => Promise<Answer>;
  send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;
};

export async function signIn(base: string, username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  };
  return { get: (path) => call('GET', path), send: call };
}
