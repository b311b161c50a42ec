import type { Clock } from '../clock.ts';
import type { DataBox } from '../crypto/data-box.ts';
import type { Database } from '../db/database.ts';
import { type ChannelConfigs, createChannelConfigs } from './channels/channel-config.ts';
import { dingtalkChannel } from './channels/dingtalk.ts';
import { emailChannel } from './channels/email.ts';
import { smsChannel } from './channels/sms.ts';
import { wecomChannel } from './channels/wecom.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
import type { DeliveryChannel, RetryPolicy } from './outbox.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox's delivery worker: main.ts starts it; tests call drain(). */
    deliveries: DeliveryWorker;
    /** The regions' channel endpoints (cached, secrets decrypted in memory only). */
    channelConfigs: ChannelConfigs;
  }
}

/**
 * The notification channels and the worker that delivers the outbox on them, plus any other kind
 * of delivery (`extra`: e.g. webhooks) that writes its own outbox rows.
 */
export function createDeliveries(options: {
  db: Database;
  clock: Clock;
  box: DataBox;
  /** The site's address for links back to records. */
  publicUrl: string;
  extra?: readonly DeliveryChannel[];
  retry?: RetryPolicy;
}) {
  const { db, clock, box, publicUrl } = options;
  const configs = createChannelConfigs({ db, box });
  const channels: DeliveryChannel[] = [
    wecomChannel({ configs, publicUrl }),
    dingtalkChannel({ configs, publicUrl }),
    emailChannel({ configs, publicUrl }),
    smsChannel({ configs, publicUrl }),
    ...(options.extra ?? []),
  ];
  const worker = createDeliveryWorker({ db, clock, channels, retry: options.retry });
  return { configs, worker };
}
