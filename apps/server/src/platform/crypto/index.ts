/** Personal data at rest: AES-256-GCM envelopes under versioned keys, keyed lookup hashes, masks, rotation. */
export { createDataBox, type DataBox } from './data-box.ts';
export {
  addKeyFile,
  type DataKey,
  developmentDataKey,
  type Keyring,
  type KeySource,
  keyringOf,
  loadKeyring,
  parseDataKey,
  retireKeyFile,
} from './data-key.ts';
export type { EncryptedColumn } from './encrypted-column.ts';
export { envelopeVersion } from './envelope.ts';
export { type KeyCommand, type KeyCommandResult, runKeyCommand } from './key-commands.ts';
export { checkKeyRetirable, countKeyVersions, KeyInUseError, type KeyUsage } from './key-usage.ts';
export { maskIdNumber, maskName, maskPhone } from './mask.ts';
export { type BatchResult, type RotationReport, rekeyBatch, rotateToCurrentKey } from './rekey.ts';
