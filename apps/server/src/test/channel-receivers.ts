import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a local receiver took, as it came over the wire. */
export type Taken = { url: URL; headers: IncomingHttpHeaders; body: string; json: Record<string, unknown> };
type Answer = { status: number; json: unknown };

/**
 * A real HTTP server on loopback, standing in for a channel's far end: `answer` checks the request
 * as the provider documents it and says what the provider would answer. `taken` keeps the requests
 * it accepted (answered 200 with success), `refused` the others.
 */
export async function startReceiver(answer: (t: Taken) => Answer) {
  const taken: Taken[] = [];
  const refused: { t: Taken; why: unknown }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body);
      } catch {
        // left empty: the check refuses it
      }
      const t: Taken = { url: new URL(req.url ?? '/', 'http://receiver'), headers: req.headers, body, json };
      const a = answer(t);
      const ok = a.status === 200 && (a.json as { errcode?: number }).errcode === 0;
      if (ok) taken.push(t);
      else refused.push({ t, why: a.json });
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    taken,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A deterministic coin: the same failures on every run. */
export function seededCoin(seed: number) {
  let s = seed >>> 0;
  return (p: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 < p;
  };
}

/** WeCom's group robot: POST /cgi-bin/webhook/send?key=KEY, JSON markdown; `{errcode:0}` on success. */
export function wecomAnswer(key: string, fails: () => boolean = () => false) {
  return (t: Taken): Answer => {
    if (t.url.pathname !== '/cgi-bin/webhook/send') return { status: 404, json: { errcode: 404 } };
    if (t.url.searchParams.get('key') !== key)
      return { status: 200, json: { errcode: 93000, errmsg: 'invalid webhook url' } };
    if (!String(t.headers['content-type']).startsWith('application/json'))
      return { status: 200, json: { errcode: 40008, errmsg: 'invalid message type' } };
    const md = t.json.markdown as { content?: unknown } | undefined;
    if (
      t.json.msgtype !== 'markdown' ||
      typeof md?.content !== 'string' ||
      Buffer.byteLength(md.content) > 4096
    )
      return { status: 200, json: { errcode: 40008, errmsg: 'invalid message type' } };
    if (fails()) return { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } };
    return { status: 200, json: { errcode: 0, errmsg: 'ok' } };
  };
}

/**
 * DingTalk's signed robot: POST /robot/send?access_token=…&timestamp=…&sign=…; the sign is checked
 * as DingTalk documents it (base64 HMAC-SHA256 of `timestamp\nsecret` keyed by the secret, URL-
 * encoded in the query) and the timestamp must be within an hour of now.
 */
export function dingtalkAnswer(accessToken: string, secret: string) {
  return (t: Taken): Answer => {
    const q = t.url.searchParams;
    if (t.url.pathname !== '/robot/send' || q.get('access_token') !== accessToken)
      return { status: 200, json: { errcode: 300001, errmsg: 'token is not exist' } };
    const timestamp = Number(q.get('timestamp'));
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() - timestamp) > 3_600_000)
      return { status: 200, json: { errcode: 310000, errmsg: 'invalid timestamp' } };
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    // The raw query carries the URL-encoded form; searchParams decodes it.
    if (q.get('sign') !== expected || !t.url.search.includes(`sign=${encodeURIComponent(expected)}`))
      return { status: 200, json: { errcode: 310000, errmsg: 'sign not match' } };
    const md = t.json.markdown as { title?: unknown; text?: unknown } | undefined;
    if (t.json.msgtype !== 'markdown' || typeof md?.title !== 'string' || typeof md?.text !== 'string')
      return { status: 200, json: { errcode: 40035, errmsg: 'invalid parameter' } };
    return { status: 200, json: { errcode: 0, errmsg: 'ok' } };
  };
}
