import { createIndexState, type IndexState, insertForward, internTerm } from './index-state.ts';

/**
 * Binary layout (all integers little-endian u32):
 *   "GDMX" | version | header byte length | header JSON (UTF-8) | zero padding to 4 bytes |
 *   per live document, in header order: one length per field, forward-list length n, n integers.
 * Posting lists are not stored: loading rebuilds them from the forward lists, which is linear and
 * halves the size on disk.
 */
const MAGIC = 0x584d4447; // "GDMX" read little-endian
const VERSION = 1;

export type SerializedHeader<Options> = {
  options: Options;
  phrases: Array<[string, number]>;
  terms: string[];
  documents: Array<{ id: string; owners: string[]; tags: string[]; phrases: string[] }>;
};

export const encodeIndex = <Options>(
  state: IndexState,
  options: Options,
  phrases: Array<[string, number]>,
): Uint8Array => {
  const documents: SerializedHeader<Options>['documents'] = [];
  const slots: number[] = [];
  state.slotIds.forEach((id, slot) => {
    if (id === null) return;
    slots.push(slot);
    documents.push({
      id,
      owners: (state.slotOwners[slot] ?? []).map((owner) => state.ownerNames[owner] ?? ''),
      tags: [...(state.slotTags[slot] ?? [])],
      phrases: state.slotPhrases[slot] ?? [],
    });
  });
  const header: SerializedHeader<Options> = { options, phrases, terms: state.terms, documents };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerPadded = Math.ceil(headerBytes.length / 4) * 4;
  let bodyLength = 0;
  for (const slot of slots) bodyLength += state.fieldCount + 1 + (state.slotTerms[slot]?.length ?? 0);
  const bytes = new Uint8Array(12 + headerPadded + bodyLength * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  let offset = 12 + headerPadded;
  const write = (value: number) => {
    view.setUint32(offset, value, true);
    offset += 4;
  };
  for (const slot of slots) {
    for (let field = 0; field < state.fieldCount; field++) {
      write(state.slotLengths[slot * state.fieldCount + field] ?? 0);
    }
    const forward = state.slotTerms[slot] ?? [];
    write(forward.length);
    for (const value of forward) write(value);
  }
  return bytes;
};

export type DecodedIndex<Options> = {
  state: IndexState;
  options: Options;
  phrases: Array<[string, number]>;
};

export const decodeIndex = <Options>(
  bytes: Uint8Array,
  fieldCountOf: (options: Options) => number,
): DecodedIndex<Options> => {
  if (bytes.length < 12) throw new Error('matching index: too short to be a serialised index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('matching index: not a serialised index');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`matching index: unsupported version ${version}`);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)),
  ) as SerializedHeader<Options>;
  const fieldCount = fieldCountOf(header.options);
  const state = createIndexState(fieldCount);
  for (const term of header.terms) internTerm(state, term);
  let offset = 12 + Math.ceil(headerLength / 4) * 4;
  const read = () => {
    if (offset + 4 > bytes.length) throw new Error('matching index: truncated body');
    const value = view.getUint32(offset, true);
    offset += 4;
    return value;
  };
  for (const doc of header.documents) {
    const lengths: number[] = [];
    for (let field = 0; field < fieldCount; field++) lengths.push(read());
    const size = read();
    const forward = new Array<number>(size);
    for (let i = 0; i < size; i++) forward[i] = read();
    insertForward(state, doc, forward, lengths);
  }
  return { state, options: header.options, phrases: header.phrases };
};
