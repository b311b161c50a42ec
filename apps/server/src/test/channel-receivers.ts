import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a local receiver took, as it came over the wire. */
export type Taken = { url: URL; headers: IncomingHttpHeaders; body: string; json: Record<string, unknown> };
/** The far end's reply; `ok` says whether it accepted (default: a robot's errcode 0). */
type Answer = { status: number; json: unknown; ok?: boolean };

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
      const ok = a.ok ?? (a.status === 200 && (a.json as { errcode?: number }).errcode === 0);
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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text, 'utf8').digest();

/**
 * Tencent Cloud SMS (SendSms 2021-01-11): the X-TC-* headers, the TC3-HMAC-SHA256 Authorization
 * recomputed here from the request as it arrived (host header, raw body) and the secret key, a
 * timestamp within 5 minutes, the body's fields. Answers as the API does.
 */
export function tencentSmsAnswer(secretId: string, secretKey: string) {
  const refuse = (code: string) => ({
    status: 200,
    json: { Response: { Error: { Code: code, Message: code } } },
    ok: false,
  });
  return (t: Taken): Answer => {
    const h = t.headers;
    if (h['x-tc-action'] !== 'SendSms' || h['x-tc-version'] !== '2021-01-11') return refuse('InvalidAction');
    const timestamp = Number(h['x-tc-timestamp']);
    if (Math.abs(Date.now() / 1000 - timestamp) > 300) return refuse('AuthFailure.SignatureExpire');
    const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
    const canonical = `POST\n/\n\ncontent-type:${h['content-type']}\nhost:${h.host}\n\ncontent-type;host\n${sha256(t.body)}`;
    const scope = `${date}/sms/tc3_request`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${secretKey}`, date), 'sms'), 'tc3_request');
    const signature = createHmac('sha256', key).update(toSign).digest('hex');
    const expected = `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
    if (h.authorization !== expected) return refuse('AuthFailure.SignatureFailure');
    const b = t.json as {
      PhoneNumberSet?: string[];
      SmsSdkAppId?: string;
      TemplateId?: string;
      TemplateParamSet?: string[];
    };
    if (!b.PhoneNumberSet?.every((p) => /^\+86\d{11}$/.test(p)) || !b.SmsSdkAppId || !b.TemplateId)
      return refuse('InvalidParameterValue');
    const sent = b.PhoneNumberSet.map((p) => ({
      PhoneNumber: p,
      Code: 'Ok',
      Message: 'send success',
      SerialNo: '2640:1',
    }));
    return { status: 200, json: { Response: { SendStatusSet: sent, RequestId: 'r-1' } }, ok: true };
  };
}

/** An SMTP server in the process (smtp-server): AUTH PLAIN/LOGIN with one account, messages kept raw. */
export async function startSmtp(user: string, pass: string) {
  const { SMTPServer } = await import('smtp-server');
  const mails: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      if (auth.username === user && auth.password === pass) done(null, { user });
      else done(new Error('Invalid username or password'));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push({
          from,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
