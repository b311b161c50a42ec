/** Personal data at rest: AES-256-GCM envelopes, keyed lookup hashes, masks. */
export { createDataBox, type DataBox } from './data-box.ts';
export { type DataKey, developmentDataKey, loadDataKey, parseDataKey } from './data-key.ts';
export { maskIdNumber, maskName, maskPhone } from './mask.ts';
