const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "2026-11-28 09:00": an instant as a clock in China reads it (Asia/Shanghai), whatever the
 * server's TZ; reports print this, never the UTC part of an ISO string.
 */
export function chinaDateTime(at: Date | string): string {
  const parts = CHINA.formatToParts(typeof at === 'string' ? new Date(at) : at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
