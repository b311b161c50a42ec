import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Lang } from './i18n.tsx';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Office time: every timestamp is shown in China Standard Time, wherever the browser is. */
export const OFFICE_TZ = 'Asia/Shanghai';

export function setDateLocale(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
}

/**
 * 2026年11月29日 (as Chinese offices write dates); 2026-11-29 in English. A calendar date
 * ('2026-11-29') is shown as it is; a timestamp is shown as the date in China.
 */
export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const d =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? dayjs(value)
      : dayjs(value).tz(OFFICE_TZ);
  if (!d.isValid()) return '—';
  return d.format(lang === 'zh' ? 'YYYY年M月D日' : 'YYYY-MM-DD');
}

/** 2026年11月29日 10:30:00 in Asia/Shanghai. */
export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const d = dayjs(value).tz(OFFICE_TZ);
  if (!d.isValid()) return '—';
  return d.format(lang === 'zh' ? 'YYYY年M月D日 HH:mm:ss' : 'YYYY-MM-DD HH:mm:ss');
}

const numberFormat = new Intl.NumberFormat('zh-CN');

/** 12,345 — thousands separators in both languages. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : numberFormat.format(value);
}

const wanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const compactYuan = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });

/**
 * Money kept in integer fen, as each language reads it: 12.5 万元; ¥125K in English. No amount
 * (null, or 0 on a record that has none yet, e.g. an intention) is "—", never "0 万元".
 */
export function formatMoney(fen: number | null | undefined, lang: Lang): string {
  if (fen === null || fen === undefined || fen === 0) return '—';
  return lang === 'zh' ? `${wanFormat.format(fen / 1_000_000)} 万元` : `¥${compactYuan.format(fen / 100)}`;
}
