import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { dingtalkAnswer, seededCoin, startReceiver, wecomAnswer } from '../../test/channel-receivers.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';
import { secretPlace } from './channels/channel-config.ts';
import { inboxNotifier, type NotificationMessage } from './notifier.ts';

// One database, two app instances on it (two delivery workers), local WeCom and DingTalk robots.
let t: TestApp;
let second: FastifyInstance;
let wecom: Awaited<ReturnType<typeof startReceiver>>;
let dingtalk: Awaited<ReturnType<typeof startReceiver>>;
let users: { id: string; region_code: string }[];
const coin = seededCoin(16);
let failRate = 0;

async function configure(regionCode: string, channel: string, settings: object, secret: object) {
  const envelope = t.app.dataBox.encrypt(JSON.stringify(secret), secretPlace(regionCode, channel));
  await t.db.owner.execute(sql`INSERT INTO notification_channels (region_code, channel, settings, secret, updated_at)
    VALUES (${regionCode}, ${channel}, ${JSON.stringify(settings)}::jsonb, ${envelope}, now())
    ON CONFLICT (region_code, channel) DO UPDATE SET settings = excluded.settings, secret = excluded.secret`);
}

/** Notifications as every module sends them: the notifier inside the change's transaction. */
async function notify(messages: NotificationMessage[], rollback = false) {
  await t.db.owner
    .transaction(async (tx) => {
      await inboxNotifier.send(tx, messages, t.clock.now());
      if (rollback) throw new Error('the change failed');
    })
    .catch((e) => {
      if (!rollback) throw e;
    });
}

const message = (i: number, tag: string): NotificationMessage => {
  const u = users[i % users.length] as { id: string; region_code: string };
  return {
    regionCode: u.region_code,
    userId: u.id,
    kind: 'supervision.lead',
    title: `${tag} ${i}`,
    body: '超期',
    link: `/recruitment/${i}`,
  };
};

async function outboxBy(tag: string) {
  return rowsOf<{ channel: string; status: string; attempts: number; title: string }>(
    await t.db.owner.execute(sql`SELECT channel, status, attempts, payload->>'title' AS title FROM outbox
      WHERE payload->>'title' LIKE ${`${tag} %`}`),
  );
}

/** Both workers until nothing is pending; the clock jumps past each back-off. */
async function deliverAll() {
  for (let round = 0; round < 20; round++) {
    await Promise.all([t.app.deliveries.drain(), second.deliveries.drain()]);
    const [left] = rowsOf<{ n: number }>(
      await t.db.owner.execute(sql`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`),
    );
    if (left?.n === 0) return;
    t.clock.set(new Date(t.clock.now().getTime() + 3_600_000));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  second = await buildApp({ db: t.db, clock: t.clock, matchIndex: t.app.matchIndex });
  await second.ready();
  wecom = await startReceiver(wecomAnswer('wk-1', () => coin(failRate)));
  dingtalk = await startReceiver(dingtalkAnswer('dt-1', 'SEC-dingtalk'));
  users = rowsOf(
    await t.db.owner.execute(sql`SELECT id, region_code FROM users WHERE role IN ('staff', 'leader', 'helper', 'taskforce_lead')
      AND NOT is_disabled AND region_code = '370828' ORDER BY username LIMIT 4`),
  );
  expect(users.length).toBeGreaterThan(1);
  await configure('370828', 'wecom', { endpoint: `${wecom.url}/cgi-bin/webhook/send` }, { key: 'wk-1' });
  await configure(
    '370828',
    'dingtalk',
    { endpoint: `${dingtalk.url}/robot/send` },
    { accessToken: 'dt-1', secret: 'SEC-dingtalk' },
  );
});

afterAll(async () => {
  await second?.close();
  await t?.close();
  await wecom?.close();
  await dingtalk?.close();
});

describe('the outbox', () => {
  it('holds a notification exactly when its change commits', async () => {
    await notify([message(0, 'rolled-back')], true);
    await notify([message(0, 'committed')]);
    expect(await outboxBy('rolled-back')).toEqual([]);
    expect((await outboxBy('committed')).map((r) => r.channel).sort()).toEqual(['dingtalk', 'wecom']);
    await deliverAll();
    expect((await outboxBy('committed')).every((r) => r.status === 'delivered')).toBe(true);
    const md = wecom.taken.find((x) => x.body.includes('committed 0'))?.json.markdown as { content: string };
    expect(md.content).toContain('[查看详情](http://localhost:3000/recruitment/0)');
    expect(dingtalk.taken.some((x) => x.body.includes('committed 0'))).toBe(true);
  });

  it('two workers deliver 100 messages once each on two channels, a receiver failing 30 % of the time included', async () => {
    failRate = 0.3;
    await notify(Array.from({ length: 100 }, (_, i) => message(i, 'burst')));
    await deliverAll();
    failRate = 0;
    const rows = await outboxBy('burst');
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === 'pending')).toEqual([]);
    const delivered = rows
      .filter((r) => r.status === 'delivered' && r.channel === 'wecom')
      .map((r) => r.title);
    const received = wecom.taken
      .filter((x) => x.body.includes('burst '))
      .map((x) => /burst \d+/.exec(x.body)?.[0]);
    expect(received.sort()).toEqual(delivered.sort());
    expect(new Set(received).size).toBe(received.length);
    expect(wecom.refused.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.channel === 'wecom' && r.attempts > 1)).toBe(true);
    const log = rowsOf<{ n: number }>(
      await t.db.owner.execute(sql`SELECT count(*)::int AS n FROM outbox_attempts a JOIN outbox o ON o.id = a.outbox_id
        WHERE o.payload->>'title' LIKE 'burst %'`),
    );
    expect(log[0]?.n).toBe(rows.reduce((n, r) => n + r.attempts, 0));
  });

  it('dead-letters a message after the last failed attempt, with every attempt in the log', async () => {
    await configure(
      '370828',
      'wecom',
      { endpoint: `${wecom.url}/cgi-bin/webhook/send` },
      { key: 'wrong-key' },
    );
    t.app.channelConfigs.forget('370828', 'wecom');
    second.channelConfigs.forget('370828', 'wecom');
    await notify([message(1, 'bounce')]);
    await deliverAll();
    const [row] = (await outboxBy('bounce')).filter((r) => r.channel === 'wecom');
    expect(row).toMatchObject({ status: 'dead', attempts: 8 });
    const log = rowsOf<{ outcome: string; status: string }>(
      await t.db.owner.execute(sql`SELECT a.outcome, a.status FROM outbox_attempts a JOIN outbox o ON o.id = a.outbox_id
        WHERE o.payload->>'title' = 'bounce 1' AND o.channel = 'wecom' ORDER BY a.attempt`),
    );
    expect(log.map((l) => l.outcome)).toEqual([...Array(7).fill('failed'), 'dead']);
    expect(log[0]?.status).toBe('200 errcode 93000');
  });
});
