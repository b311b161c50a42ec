import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import {
  dingtalkAnswer,
  seededCoin,
  startReceiver,
  startSmtp,
  tencentSmsAnswer,
  wecomAnswer,
} from '../../test/channel-receivers.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { rowsOf } from '../db/database.ts';
import { secretPlace } from './channels/channel-config.ts';
import { inboxNotifier, type NotificationMessage } from './notifier.ts';

// One database, two app instances on it (two delivery workers), local WeCom and DingTalk robots.
let t: TestApp;
let second: FastifyInstance;
let wecom: Awaited<ReturnType<typeof startReceiver>>;
let dingtalk: Awaited<ReturnType<typeof startReceiver>>;
let sms: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
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
  sms = await startReceiver(tencentSmsAnswer('AKID-test', 'sms-secret-key'));
  smtp = await startSmtp('gaodi', 'smtp-pass');
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
  await sms?.close();
  await smtp?.close();
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

describe('e-mail and SMS, preferences and quiet hours', () => {
  const china = (text: string) => new Date(`${text}+08:00`);
  const smsAt = (tag: string) => sms.taken.filter((x) => x.body.includes(tag));

  it('mails through SMTP with a login, texts through Tencent Cloud SMS, holds a night SMS until 07:00 unless red', async () => {
    const zh = users[0] as { id: string };
    const en = users[1] as { id: string };
    await configure(
      '370828',
      'email',
      { host: '127.0.0.1', port: smtp.port, secure: false, user: 'gaodi', from: 'gaodi@kj.example.cn' },
      { password: 'smtp-pass' },
    );
    await configure(
      '370828',
      'sms',
      {
        provider: 'tencent',
        endpoint: sms.url,
        sdkAppId: '1400000001',
        signName: '高地',
        templateId: '100001',
      },
      { secretId: 'AKID-test', secretKey: 'sms-secret-key' },
    );
    await t.db.owner.execute(sql`UPDATE users SET phone = '13800000001' WHERE id = ${zh.id}`);
    await t.db.owner.execute(sql`INSERT INTO notification_preferences (user_id, region_code, email, events, lang, updated_at) VALUES
      (${zh.id}, '370828', 'zh@example.cn', '{"sms": ["project", "supervision"], "wecom": [], "dingtalk": []}', 'zh', now()),
      (${en.id}, '370828', 'en@example.cn', '{"sms": [], "wecom": [], "dingtalk": []}', 'en', now())`);
    t.clock.set(china('2026-12-01T23:30:00'));
    await notify([
      {
        ...message(0, 'night'),
        userId: zh.id,
        kind: 'project.helper',
        title: '您已被指定为帮办专员：项目甲',
      },
      {
        ...message(0, 'night'),
        userId: zh.id,
        kind: 'supervision.lead',
        title: '红灯督办：记录乙',
        link: '/recruitment/b',
      },
      {
        ...message(0, 'night'),
        userId: en.id,
        kind: 'supervision.lead',
        title: '红灯督办：记录丙',
        link: '/recruitment/c',
      },
    ]);
    await Promise.all([t.app.deliveries.drain(), second.deliveries.drain()]);
    expect(smsAt('记录乙')).toHaveLength(1);
    expect(smsAt('项目甲')).toHaveLength(0);
    expect(smsAt('记录乙')[0]?.json).toMatchObject({
      PhoneNumberSet: ['+8613800000001'],
      SmsSdkAppId: '1400000001',
      SignName: '高地',
      TemplateId: '100001',
      TemplateParamSet: ['红灯督办：记录乙', 'http://localhost:3000/recruitment/b'],
    });
    const toEn = smtp.mails.find((m) => m.to.includes('en@example.cn'));
    expect(toEn?.raw).toContain('Open the record: http://localhost:3000/recruitment/c');
    expect(toEn?.raw).toContain('Subject: =?UTF-8?Q?=5BGaodi=5D_Red_light=2C_under_supervisi'); // [Gaodi] Red light, under supervision: 记录丙
    expect(smtp.mails.filter((m) => m.to.includes('zh@example.cn'))).toHaveLength(2);
    expect(smtp.mails.every((m) => /Message-ID: <[0-9a-f-]{36}@gaodi>/.test(m.raw))).toBe(true);
    t.clock.set(china('2026-12-02T07:00:00'));
    await t.app.deliveries.drain();
    expect(smsAt('项目甲')).toHaveLength(1);
    const log = rowsOf<{ outcome: string; attempt: number }>(
      await t.db.owner.execute(sql`SELECT a.outcome, a.attempt FROM outbox_attempts a JOIN outbox o ON o.id = a.outbox_id
        WHERE o.channel = 'sms' AND o.payload->>'title' LIKE '%项目甲' ORDER BY a.at`),
    );
    expect(log).toEqual([
      { outcome: 'held', attempt: 1 },
      { outcome: 'delivered', attempt: 1 },
    ]);
    expect(sms.refused).toEqual([]);
  });
});

describe('channel settings and preferences over the API', () => {
  it('the region’s sysadmin sets a channel; its secret is stored encrypted and never sent back', async () => {
    const admin = await t.login('sysadmin');
    const saved = await admin.put('/api/notification-channels', {
      channel: 'dingtalk',
      enabled: true,
      settings: { endpoint: `${dingtalk.url}/robot/send` },
      secret: { accessToken: 'dt-1', secret: 'SEC-dingtalk' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ channel: 'dingtalk', enabled: true, hasSecret: true });
    const list = await admin.get('/api/notification-channels');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('SEC-dingtalk');
    expect(list.body).not.toContain('dt-1');
    const [stored] = rowsOf<{ secret: string }>(
      await t.db.owner.execute(
        sql`SELECT secret FROM notification_channels WHERE region_code = '370828' AND channel = 'dingtalk'`,
      ),
    );
    expect(stored?.secret).toMatch(/^g1:/);
    expect(stored?.secret).not.toContain('SEC-dingtalk');
    const kept = await admin.put('/api/notification-channels', {
      channel: 'dingtalk',
      enabled: true,
      settings: { endpoint: `${dingtalk.url}/robot/send` },
    });
    expect(kept.json().hasSecret).toBe(true);
  });

  it('refuses bad settings with a Chinese message on the field, and other roles altogether', async () => {
    const admin = await t.login('sysadmin');
    await t.db.owner.execute(
      sql`DELETE FROM notification_channels WHERE region_code = '370828' AND channel = 'wecom'`,
    );
    const noSecret = await admin.put('/api/notification-channels', {
      channel: 'wecom',
      enabled: true,
      settings: { endpoint: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' },
    });
    expect(noSecret.statusCode).toBe(400);
    expect(noSecret.body).toContain('首次启用该通道时请填写密钥');
    const badFrom = await admin.put('/api/notification-channels', {
      channel: 'email',
      enabled: true,
      settings: { host: 'smtp.example.cn', port: 465, secure: true, user: '', from: 'not-an-address' },
    });
    expect(badFrom.statusCode).toBe(400);
    expect(badFrom.body).toContain('请填写有效的发件人邮箱');
    const staff = await t.login('jx_staff');
    expect((await staff.get('/api/notification-channels')).statusCode).toBe(403);
  });

  it('a user keeps their own preferences', async () => {
    const staff = await t.login('jx_staff');
    expect((await staff.get('/api/notification-preferences')).json()).toMatchObject({
      quietFrom: 1320,
      quietTo: 420,
    });
    const prefs = {
      email: 'zhang@example.cn',
      phone: '13800000002',
      events: { sms: ['supervision'] },
      quietFrom: 1380,
      quietTo: 360,
      lang: 'en',
    };
    expect((await staff.put('/api/notification-preferences', prefs)).statusCode).toBe(200);
    expect((await staff.get('/api/notification-preferences')).json()).toEqual(prefs);
    const bad = await staff.put('/api/notification-preferences', { ...prefs, phone: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('请输入 11 位手机号');
  });

  it('sends a test message through the saved robot and answers the provider’s status, audited', async () => {
    const admin = await t.login('sysadmin');
    const endpoint = `${wecom.url}/cgi-bin/webhook/send`;
    const save = (key: string) =>
      admin.put('/api/notification-channels', {
        channel: 'wecom',
        enabled: false,
        settings: { endpoint },
        secret: { key },
      });
    expect((await save('wk-1')).statusCode).toBe(200);
    const sent = await admin.post('/api/notification-channels/wecom/test', {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ ok: true, status: '200 errcode 0' });
    const md = wecom.taken.at(-1)?.json.markdown as { content: string };
    expect(md.content).toContain('**【高地】测试消息**');
    expect(sent.body).not.toContain('wk-1');
    await save('wk-wrong');
    const refused = await admin.post('/api/notification-channels/wecom/test', {});
    expect(refused.json()).toMatchObject({ ok: false, status: '200 errcode 93000' });
    const noAddress = await admin.post('/api/notification-channels/sms/test', {});
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.body).toContain('请填写接收测试消息的手机号');
    const staff = await t.login('jx_staff');
    expect((await staff.post('/api/notification-channels/wecom/test', {})).statusCode).toBe(403);
    const audited = rowsOf<{ detail: { ok: boolean } }>(
      await t.db.owner.execute(sql`SELECT detail FROM audit_log WHERE action = 'test_send'
        AND target_id = '370828:wecom' ORDER BY at, id`),
    );
    expect(audited.map((a) => a.detail.ok)).toEqual([true, false]);
  });
});
