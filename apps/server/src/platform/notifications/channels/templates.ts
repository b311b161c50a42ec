import { type MessageLang, translateMessage } from '@gaodi/contracts';
import type { OutboxRow } from '../outbox.ts';

/** A notification's payload in the outbox (written by the gaodi_notifications_to_outbox trigger). */
export type NotificationPayload = {
  title: string;
  body: string;
  link: string | null;
  lang: MessageLang;
  /** E-mail address or mobile number, by channel. */
  to: string | null;
  /** A red escalation: SMS goes out even in quiet hours. */
  urgent: boolean;
  quietFrom: number;
  quietTo: number;
};

export const payloadOf = (row: OutboxRow) => row.payload as NotificationPayload;

/** What every channel renders: texts in the recipient's language, the record's absolute link. */
export type Rendered = {
  lang: MessageLang;
  title: string;
  body: string;
  url: string | null;
  /** 【高地】 / [Gaodi]: the product's mark in subjects and robot messages. */
  mark: string;
  /** 查看详情 / Open the record */
  open: string;
};

/** Chinese first; English through the message catalog (contracts/messages.notify.ts). */
export function render(row: OutboxRow, publicUrl: string): Rendered {
  const p = payloadOf(row);
  const lang: MessageLang = p.lang === 'en' ? 'en' : 'zh';
  return {
    lang,
    title: translateMessage(p.title, lang),
    body: translateMessage(p.body, lang),
    url: p.link ? new URL(p.link, publicUrl).toString() : null,
    mark: translateMessage('【高地】', lang),
    open: translateMessage('查看详情', lang),
  };
}

/** Markdown for the robots: bold title, the reasons, a link back to the record. */
export function robotMarkdown(r: Rendered, extra = ''): string {
  const lines = [`**${r.mark}${r.title}**`];
  if (r.body) lines.push('', r.body);
  if (r.url) lines.push('', `[${r.open}](${r.url})`);
  if (extra) lines.push('', extra);
  return lines.join('\n');
}
