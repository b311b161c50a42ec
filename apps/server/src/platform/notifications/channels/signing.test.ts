import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSign } from './dingtalk.ts';
import { tc3Authorization } from './tencent-sms.ts';

describe('request signing as the providers document it', () => {
  it('TC3-HMAC-SHA256: the worked example of Tencent Cloud’s signature v3 page', () => {
    // The documentation's own example (CVM DescribeInstances, its masked demonstration keys).
    const authorization = tc3Authorization({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      timestamp: 1551113065,
      payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
    });
    expect(authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
    );
  });

  it('DingTalk 加签: URL-encoded base64 of HMAC-SHA256(secret, "timestamp\\nsecret")', () => {
    const secret = 'SEC0123456789abcdef';
    const sign = dingtalkSign(1_700_000_000_000, secret);
    const mac = createHmac('sha256', secret).update(`1700000000000\n${secret}`).digest('base64');
    expect(decodeURIComponent(sign)).toBe(mac);
    expect(sign).not.toMatch(/[+/=]/);
  });
});
