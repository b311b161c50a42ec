import { conciergeEncryptedColumns } from './modules/concierge/index.ts';
import { talentEncryptedColumns } from './modules/talent/index.ts';
import { webhookEncryptedColumns } from './modules/webhooks/index.ts';
import type { EncryptedColumn } from './platform/crypto/encrypted-column.ts';
import { platformEncryptedColumns } from './platform/encrypted-columns.ts';

/**
 * Every column holding DataBox envelopes, for `npm run keys:*` (platform/crypto/rekey.ts). A new
 * encrypted column joins here; key-rotation.int.test.ts fails on an envelope in a column not listed.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  ...talentEncryptedColumns,
  ...conciergeEncryptedColumns,
  ...webhookEncryptedColumns,
  ...platformEncryptedColumns,
];
