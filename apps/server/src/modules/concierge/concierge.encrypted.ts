import type { EncryptedColumn } from '../../platform/crypto/encrypted-column.ts';
import { PHONE_AAD } from './concierge.queries.ts';

/** A station requester's phone (key rotation re-encrypts it: platform/crypto/rekey.ts). */
export const conciergeEncryptedColumns: EncryptedColumn[] = [
  { table: 'service_requests', column: 'phone_enc', key: [['id', 'uuid']], place: () => PHONE_AAD },
];
