import type { EncryptedColumn } from '../../platform/crypto/encrypted-column.ts';
import { ID_NUMBER_AAD, PHONE_AAD } from './operations/talent-rows.ts';

/** The talent's phone and ID number (key rotation re-encrypts them: platform/crypto/rekey.ts). */
export const talentEncryptedColumns: EncryptedColumn[] = [
  { table: 'talents', column: 'phone_cipher', key: [['id', 'uuid']], place: () => PHONE_AAD },
  { table: 'talents', column: 'id_number_cipher', key: [['id', 'uuid']], place: () => ID_NUMBER_AAD },
];
