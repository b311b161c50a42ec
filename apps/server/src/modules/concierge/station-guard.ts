import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { DataBox } from '../../platform/crypto/index.ts';

/**
 * What protects the public station: a simple arithmetic challenge (signed, single-use, 10 minutes)
 * and a per-address rate limit. Both live in the process (one node serves a county); the database
 * function adds a per-phone daily limit that holds across nodes.
 */
export type StationGuard = ReturnType<typeof createStationGuard>;

const CHALLENGE_MS = 10 * 60_000;

export function createStationGuard(
  box: DataBox,
  options: { submitsPerWindow?: number; windowMs?: number } = {},
) {
  const used = new Map<string, number>();
  const hits = new Map<string, number[]>();
  const limit = options.submitsPerWindow ?? 5;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const sign = (payload: string) => box.lookupHash(payload, 'station-challenge');

  function issue(regionCode: string, now: Date) {
    const a = 2 + ((randomBytes(1)[0] ?? 0) % 18);
    const b = 1 + ((randomBytes(1)[0] ?? 0) % 9);
    const payload = `${regionCode}.${a}.${b}.${now.getTime() + CHALLENGE_MS}.${randomBytes(8).toString('hex')}`;
    return {
      question: `${a} + ${b} = ?`,
      token: `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`,
    };
  }

  /** True when the token is ours, for this region, unexpired, unused, and the answer is right. Uses it up. */
  function check(regionCode: string, token: string, answer: string, now: Date): boolean {
    const [encoded = '', mac = ''] = token.split('.');
    const payload = Buffer.from(encoded, 'base64url').toString();
    const expected = Buffer.from(sign(payload));
    if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), expected)) return false;
    const [region, a, b, expires, nonce] = payload.split('.');
    if (region !== regionCode || Number(expires) < now.getTime() || !nonce) return false;
    for (const [key, until] of used) if (until < now.getTime()) used.delete(key);
    if (used.has(nonce)) return false;
    used.set(nonce, Number(expires));
    return Number(answer) === Number(a) + Number(b);
  }

  /** Counts a submit from `address`; false once the window's limit is passed. */
  function allow(address: string, now: Date): boolean {
    const since = now.getTime() - windowMs;
    const recent = (hits.get(address) ?? []).filter((t) => t > since);
    recent.push(now.getTime());
    hits.set(address, recent);
    if (hits.size > 10_000) for (const [k, v] of hits) if ((v.at(-1) ?? 0) < since) hits.delete(k);
    return recent.length <= limit;
  }

  return { issue, check, allow };
}
