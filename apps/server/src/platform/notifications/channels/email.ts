import nodemailer, { type Transporter } from 'nodemailer';
import type { DeliveryChannel } from '../outbox.ts';
import type { ChannelConfig, ChannelConfigs } from './channel-config.ts';
import { payloadOf, render } from './templates.ts';

function transportOf(config: ChannelConfig): Transporter {
  const s = config.settings;
  const user = typeof s.user === 'string' && s.user ? s.user : null;
  return nodemailer.createTransport({
    host: String(s.host ?? 'localhost'),
    port: Number(s.port ?? 465),
    secure: s.secure !== false,
    auth: user ? { user, pass: config.secret.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/**
 * E-mail over the region's SMTP server (nodemailer): subject 【高地】title, text with the link;
 * Message-ID from the outbox row, so a resend after a crash carries the same id. A 5xx answer
 * (no such mailbox) is final; anything else is retried.
 */
export function emailChannel({
  configs,
  publicUrl,
}: {
  configs: ChannelConfigs;
  publicUrl: string;
}): DeliveryChannel {
  const transports = new Map<string, Transporter>();
  return {
    name: 'email',
    async deliver(row) {
      const config = await configs.get(row.regionCode, 'email');
      if (!config) return { ok: false, detail: 'no SMTP server for this region', permanent: true };
      const to = payloadOf(row).to;
      if (!to) return { ok: false, detail: 'the recipient has no e-mail address', permanent: true };
      const key = `${row.regionCode}|${config.updatedAt}`;
      const transport = transports.get(key) ?? transportOf(config);
      transports.set(key, transport);
      const r = render(row, publicUrl);
      const text = [r.body, r.url ? `${r.open}: ${r.url}` : ''].filter(Boolean).join('\n\n');
      try {
        const info = await transport.sendMail({
          from: String(config.settings.from ?? ''),
          to,
          subject: `${r.mark}${r.title}`,
          text,
          messageId: `<${row.id}@gaodi>`,
        });
        const response = String(info.response ?? '');
        return { ok: true, status: response.slice(0, 3), detail: response };
      } catch (error) {
        const e = error as { responseCode?: number; message?: string };
        const code = e.responseCode;
        return {
          ok: false,
          status: code ? String(code) : undefined,
          detail: e.message ?? String(error),
          permanent: code !== undefined && code >= 500,
        };
      }
    },
  };
}
