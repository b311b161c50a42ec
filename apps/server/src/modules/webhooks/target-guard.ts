import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * SSRF guard for webhook targets (issue 16): a host resolves to addresses, and every one of them
 * must be public — no private, loopback, link-local, unique-local, shared (CGNAT), multicast or
 * unspecified address, IPv4 or IPv6, including IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, compatible
 * ::a.b.c.d, NAT64 64:ff9b::/96) — unless the host or the address is on the region's allow-list.
 * The caller connects to the address checked here, never resolving again (no DNS rebinding).
 */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (with a dotted IPv4 tail or `::`). */
function groupsOf(address: string): number[] {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    const [a, b, c, d] = dotted[1].split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => Number.parseInt(g, 16));
}

/** The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64), else null. */
function embeddedIpv4(address: string): string | null {
  const g = groupsOf(address);
  const [g6 = 0, g7 = 0] = g.slice(6);
  const v4 = () => [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255].join('.');
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(5) && g[5] === 0xffff) return v4();
  if (zeros(6) && (g6 !== 0 || g7 > 1)) return v4();
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4();
  return null;
}

/** True when the address must not be reached without the administrator's allow-list. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const inner = embeddedIpv4(address);
  if (inner) return blocked.check(inner, 'ipv4');
  return blocked.check(address, 'ipv6');
}

export class TargetRefused extends Error {}

/** The address to connect to for `url`, or TargetRefused (Chinese message) when it is not allowed. */
export async function checkTarget(
  url: URL,
  allowList: readonly string[],
  resolve: (host: string) => Promise<{ address: string; family: number }[]> = (host) =>
    lookup(host, { all: true, verbatim: true }),
): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = new Set(allowList.map((h) => h.trim().toLowerCase()));
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    throw new TargetRefused(`无法解析主机名：${host}`);
  }
  if (addresses.length === 0) throw new TargetRefused(`无法解析主机名：${host}`);
  const refused = addresses.filter(
    (a) => isPrivateAddress(a.address) && !allowed.has(host) && !allowed.has(a.address.toLowerCase()),
  );
  if (refused.length > 0)
    throw new TargetRefused(
      `不能投递到内网、本机或链路本地地址：${refused.map((a) => a.address).join('、')}`,
    );
  const [first] = addresses;
  if (!first) throw new TargetRefused(`无法解析主机名：${host}`);
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
