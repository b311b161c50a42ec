import type { EncryptedColumn } from '../../platform/crypto/encrypted-column.ts';
import { secretPlace } from './webhook-channel.ts';

/** A subscription's signing secret (key rotation re-encrypts it: platform/crypto/rekey.ts). */
export const webhookEncryptedColumns: EncryptedColumn[] = [
  {
    table: 'webhook_subscriptions',
    column: 'secret',
    key: [['id', 'uuid']],
    place: ([id]) => secretPlace(String(id)),
  },
];
