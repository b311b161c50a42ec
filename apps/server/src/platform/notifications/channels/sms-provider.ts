import type { DeliveryResult } from '../outbox.ts';
import type { ChannelConfig } from './channel-config.ts';

/** A cloud SMS API: sends one templated message (the provider's template, our variables). */
export type SmsProvider = {
  name: string;
  send: (config: ChannelConfig, phone: string, params: string[]) => Promise<DeliveryResult>;
};
