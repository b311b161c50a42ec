import { describe, expect, it } from 'vitest';
import { checkTarget, isPrivateAddress } from './target-guard.ts';

describe('webhook target guard', () => {
  it('refuses private, loopback, link-local and unspecified addresses in every form', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '::127.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '64:ff9b::10.0.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of [
      '8.8.8.8',
      '114.114.114.114',
      '2400:3200::1',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it('checks every address a name resolves to, unless the host or address is allowed', async () => {
    const twoFaced = async () => [
      { address: '8.8.8.8', family: 4 },
      { address: '::ffff:192.168.0.10', family: 6 },
    ];
    const url = new URL('https://hooks.example.cn/in');
    await expect(checkTarget(url, [], twoFaced)).rejects.toThrow(
      '不能投递到内网、本机或链路本地地址：::ffff:192.168.0.10',
    );
    await expect(checkTarget(url, ['hooks.example.cn'], twoFaced)).resolves.toEqual({
      address: '8.8.8.8',
      family: 4,
    });
    await expect(checkTarget(new URL('http://[::ffff:7f00:1]:8080/'), [])).rejects.toThrow('::ffff:7f00:1');
    await expect(checkTarget(new URL('http://127.0.0.1:9/'), ['127.0.0.1'])).resolves.toEqual({
      address: '127.0.0.1',
      family: 4,
    });
    const nowhere = async () => {
      throw new Error('ENOTFOUND');
    };
    await expect(checkTarget(url, [], nowhere)).rejects.toThrow('无法解析主机名：hooks.example.cn');
  });
});
