import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCreditCode } from '../../demo/demo-data.ts';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';
import { signatureOf } from './webhook-channel.ts';

type Received = { headers: IncomingHttpHeaders; body: string };

// One app, one database and one local receiver for the file.
let t: TestApp;
let admin: Session;
let staff: Session;
let receiver: Server;
let base = '';
const received: Received[] = [];
/** What the receiver answers next (then 200 again). */
let nextAnswers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      const status = nextAnswers.shift() ?? 200;
      res
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status === 200 ? 'got it' : 'receiver down');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  // The app's clock at real time: an outbox row is due at the database's commit time.
  t = await createTestApp({ start: new Date() });
  admin = await t.login('sysadmin');
  staff = await t.login('jx_staff');
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => receiver.close(r));
});

let serial = 0;
const newEnterprise = () => ({
  creditCode: demoCreditCode('370828', 60_000 + Math.floor(Math.random() * 30_000) + serial++),
  name: `金乡县推送测试${serial}有限公司`,
  industryId: null,
  scale: 'small',
  address: '金乡县测试路 9 号',
  contactName: '测试员',
  contactPhone: '13800005678',
});

/** Delivers what is due now: the outbox row's due time is the database's commit time. */
async function deliver() {
  t.clock.set(new Date(Math.max(t.clock.now().getTime(), Date.now() + 1000)));
  await t.app.deliveries.drain();
}

describe('webhooks', () => {
  it('refuse a loopback address until the administrator allows it', async () => {
    const refused = await admin.post('/api/webhooks', { url: `${base}/hook`, events: ['record.created'] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('不能投递到内网、本机或链路本地地址：127.0.0.1');
    const metadata = await admin.post('/api/webhooks', {
      url: 'http://169.254.169.254/latest',
      events: ['light.red'],
    });
    expect(metadata.statusCode).toBe(400);
    expect((await admin.put('/api/webhooks/allow-list', { hosts: ['127.0.0.1'] })).statusCode).toBe(200);
    expect((await staff.get('/api/webhooks')).statusCode).toBe(403);
  });

  it('deliver a signed event, retry a failure and log the answers, redeliver by hand', async () => {
    const created = await admin.post('/api/webhooks', { url: `${base}/hook`, events: ['record.created'] });
    expect(created.statusCode, created.body).toBe(200);
    const { webhook, secret } = created.json() as { webhook: { id: string }; secret: string };
    expect(JSON.stringify((await admin.get('/api/webhooks')).json())).not.toContain(secret);

    received.length = 0;
    nextAnswers = [500];
    const enterprise = (await staff.post('/api/enterprises', newEnterprise())).json();
    await deliver();
    expect(received).toHaveLength(1);
    const [first] = received;
    if (!first) throw new Error('nothing received');
    const timestamp = String(first.headers['x-gaodi-timestamp']);
    expect(first.headers['x-gaodi-signature']).toBe(signatureOf(secret, timestamp, first.body));
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
    const payload = JSON.parse(first.body);
    expect(payload).toMatchObject({
      event: 'record.created',
      entity: 'enterprise',
      id: enterprise.id,
      regionCode: '370828',
    });
    expect(first.body).not.toContain('13800005678');

    // The failure is retried after its back-off, without anyone's help.
    t.clock.set(new Date(t.clock.now().getTime() + 10 * 60_000));
    await t.app.deliveries.drain();
    expect(received).toHaveLength(2);
    expect(received[1]?.headers['x-gaodi-delivery']).toBe(first.headers['x-gaodi-delivery']);
    const log = await admin.get(`/api/webhooks/${webhook.id}/deliveries`);
    expect(log.statusCode, log.body).toBe(200);
    const [delivery] = log.json();
    expect(delivery.status).toBe('delivered');
    expect(
      delivery.log.map((l: { outcome: string; status: string; detail: string }) => [
        l.outcome,
        l.status,
        l.detail,
      ]),
    ).toEqual([
      ['failed', '500', 'receiver down'],
      ['delivered', '200', 'got it'],
    ]);

    // Manual redelivery sends the same delivery once more.
    expect((await admin.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`)).statusCode).toBe(200);
    await deliver();
    expect(received).toHaveLength(3);
    expect(JSON.parse(received[2]?.body ?? '{}').deliveryId).toBe(delivery.id);
  });

  it('send nothing for events not subscribed, and nothing once cancelled', async () => {
    const created = await admin.post('/api/webhooks', { url: `${base}/other`, events: ['light.red'] });
    expect(created.statusCode, created.body).toBe(200);
    const { webhook } = created.json() as { webhook: { id: string } };
    await deliver();
    received.length = 0;
    await staff.post('/api/enterprises', newEnterprise());
    await deliver();
    expect(received.filter((r) => r.body.includes('"light.red"'))).toEqual([]);
    expect((await admin.del(`/api/webhooks/${webhook.id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/webhooks/${webhook.id}/deliveries`)).statusCode).toBe(404);
  });
});
