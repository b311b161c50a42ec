import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness.ts';

// The test clock starts at 2026-11-29 10:00 in China (02:00 UTC).
let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.login('jx_staff');
});
afterAll(() => t.close());

async function eventOn(heldOn: string): Promise<string> {
  const res = await staff.post('/api/events', {
    title: `签到窗口测试 ${heldOn}`,
    kind: 'forum',
    heldOn,
    organiser: '金乡县科学技术局',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().checkinPath.split('/').pop();
}

type Lang = 'zh' | 'en';
const signIn = (token: string, body: object, lang: Lang = 'zh') =>
  t.app.inject({
    method: 'POST',
    url: `/api/checkin/${token}`,
    payload: { orgName: '金乡县某企业', attendeeName: '张三', deviceId: 'device-of-zhang-san-01', ...body },
    headers: { 'accept-language': lang === 'en' ? 'en' : 'zh-CN' },
  });

describe('QR sign-in only around the event and once per device', () => {
  it('refuses a sign-in for an event held in February, saying when it was open', async () => {
    const token = await eventOn('2026-02-10');
    const zh = await signIn(token, {});
    expect([zh.statusCode, zh.json().code]).toEqual([409, 'CHECKIN_CLOSED']);
    expect(zh.json().message).toBe('签到已结束：本活动可在 2026-02-09 22:00 至 2026-02-11 00:00 签到');
    const en = await signIn(token, {}, 'en');
    expect(en.json().message).toBe(
      'Sign-in has closed: it was open from 2026-02-09 22:00 to 2026-02-11 00:00',
    );
    const info = (await t.app.inject({ method: 'GET', url: `/api/checkin/${token}` })).json();
    expect([info.opensAt, info.closesAt]).toEqual(['2026-02-09T14:00:00.000Z', '2026-02-10T16:00:00.000Z']);
  });

  it('opens 2 h before the event’s day by default, and as the region sets it', async () => {
    const token = await eventOn('2026-11-30');
    const early = await signIn(token, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('签到尚未开始：本活动可在 2026-11-29 22:00 至 2026-12-01 00:00 签到');

    expect((await staff.get('/api/settings/checkin-window')).json()).toEqual({
      opensHoursBefore: 2,
      closesHoursAfter: 0,
    });
    const set = await staff.put('/api/settings/checkin-window', {
      opensHoursBefore: 24,
      closesHoursAfter: 2,
    });
    expect(set.statusCode, set.body).toBe(200);
    const now = await signIn(token, {});
    expect(now.statusCode, now.body).toBe(200);
    const bad = await staff.put('/api/settings/checkin-window', {
      opensHoursBefore: -1,
      closesHoursAfter: 2,
    });
    expect(bad.json().fields).toEqual([
      { path: 'opensHoursBefore', message: '签到提前开放小时数须为不小于 0 的数字' },
    ]);
    await staff.put('/api/settings/checkin-window', { opensHoursBefore: 2, closesHoursAfter: 0 });
  });

  it('takes one sign-in per device and event; the same organisation again is fine', async () => {
    const token = await eventOn('2026-11-29');
    expect((await signIn(token, { orgName: '甲公司' })).statusCode).toBe(200);
    expect((await signIn(token, { orgName: '甲公司' })).statusCode).toBe(200);
    const other = await signIn(token, { orgName: '乙公司' });
    expect([other.statusCode, other.json().code]).toEqual([409, 'CHECKIN_DEVICE']);
    expect(other.json().message).toBe('这台设备已为本活动签到过其他单位，每台设备每场活动只能签到一次');
    const phone2 = await signIn(token, { orgName: '乙公司', deviceId: 'device-of-li-si-000001' });
    expect(phone2.statusCode).toBe(200);
  });

  it('answers an empty form with full messages, not the field name alone', async () => {
    const token = await eventOn('2026-11-29');
    const zh = await signIn(token, { orgName: '', attendeeName: ' ' });
    expect(zh.json().fields).toEqual([
      { path: 'orgName', message: '请填写单位名称' },
      { path: 'attendeeName', message: '请填写签到人姓名' },
    ]);
    const en = await signIn(token, { orgName: '', attendeeName: ' ' }, 'en');
    expect(en.json().fields).toEqual([
      { path: 'orgName', message: 'Enter the organisation name' },
      { path: 'attendeeName', message: 'Enter the name of the person signing in' },
    ]);
  });
});
