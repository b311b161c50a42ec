import { type IndexState, restoreState } from './index-state.ts';

/**
 * Binary layout (all integers u32, little-endian; every block starts on a 4-byte boundary):
 *   "GDMX" | version | header byte length | header JSON (UTF-8) | zero padding to 4 bytes |
 *   term lengths (one per term, UTF-16 code units of the joined `terms` string) |
 *   field lengths (one per live document and field) |
 *   forward-list offsets (one per live document, plus the end) |
 *   forward lists `[termId, field << 16 | tf, ...]`, back to back, documents in header order.
 * Loading copies the integer blocks into one Uint32Array and keeps the forward lists as views of it.
 * Posting lists are not stored: a counting sort over the forward lists rebuilds them in one typed
 * array (a fraction of a second for tens of millions of pairs), so the bytes stay half the size,
 * which matters more to the gzip and gunzip around them.
 * Terms are one joined string rather than a JSON array: parsing one long string is far cheaper
 * than hundreds of thousands of small ones.
 */
const MAGIC = 0x584d4447; // "GDMX" read little-endian
/** 2: integer blocks and joined terms (1 stored per-document integer runs and a term array). */
const VERSION = 2;

type SerializedDocument = { id: string; owners: string[]; tags: string[]; phrases: string[] };

export type SerializedHeader<Options> = {
  options: Options;
  phrases: Array<[string, number]>;
  /** Every term, concatenated; the term-length block splits it. */
  terms: string;
  termCount: number;
  documents: SerializedDocument[];
  /** The learned parts (calibration), when the engine has learned them; absent in older bytes. */
  learned?: unknown;
};

/** Typed arrays use the platform's byte order; the format is little-endian. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const swapBytes = (words: Uint32Array): void => {
  if (LITTLE_ENDIAN) return;
  const view = new DataView(words.buffer, words.byteOffset, words.byteLength);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
};

export const encodeIndex = <Options>(
  state: IndexState,
  options: Options,
  phrases: Array<[string, number]>,
  learned?: unknown,
): Uint8Array => {
  const documents: SerializedDocument[] = [];
  const slots: number[] = [];
  let forwardLength = 0;
  state.slotIds.forEach((id, slot) => {
    if (id === null) return;
    slots.push(slot);
    forwardLength += state.slotTerms[slot]?.length ?? 0;
    documents.push({
      id,
      owners: (state.slotOwners[slot] ?? []).map((owner) => state.ownerNames[owner] ?? ''),
      tags: [...(state.slotTags[slot] ?? [])],
      phrases: state.slotPhrases[slot] ?? [],
    });
  });
  const termCount = state.terms.length;
  const header: SerializedHeader<Options> = {
    options,
    phrases,
    terms: state.terms.join(''),
    termCount,
    documents,
    ...(learned === undefined ? {} : { learned }),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = 12 + Math.ceil(headerBytes.length / 4) * 4;
  const fieldCount = state.fieldCount;
  const bodyWords = termCount + slots.length * fieldCount + slots.length + 1 + forwardLength;
  const bytes = new Uint8Array(bodyStart + bodyWords * 4);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, 12);
  const body = new Uint32Array(bytes.buffer, bodyStart, bodyWords);
  let at = 0;
  for (const term of state.terms) body[at++] = term.length;
  for (const slot of slots) {
    body.set(state.slotLengths.subarray(slot * fieldCount, (slot + 1) * fieldCount), at);
    at += fieldCount;
  }
  let offset = 0;
  for (const slot of slots) {
    body[at++] = offset;
    offset += state.slotTerms[slot]?.length ?? 0;
  }
  body[at++] = offset;
  for (const slot of slots) {
    const forward = state.slotTerms[slot] ?? [];
    body.set(forward, at);
    at += forward.length;
  }
  swapBytes(body);
  return bytes;
};

export type DecodedIndex<Options> = {
  state: IndexState;
  options: Options;
  phrases: Array<[string, number]>;
  learned?: unknown;
};

export const decodeIndex = <Options>(
  bytes: Uint8Array,
  fieldCountOf: (options: Options) => number,
): DecodedIndex<Options> => {
  if (bytes.length < 12) throw new Error('matching index: too short to be a serialised index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('matching index: not a serialised index');
  const version = view.getUint32(4, true);
  if (version !== VERSION) {
    // An index written by another engine version cannot be read: the owner rebuilds it from the
    // documents (the server does so when loading its stored snapshot fails).
    throw new Error(
      `matching index: format version ${version} is not supported (this engine reads version ${VERSION}); rebuild the index from the documents`,
    );
  }
  const headerLength = view.getUint32(8, true);
  const bodyStart = 12 + Math.ceil(headerLength / 4) * 4;
  if (bodyStart > bytes.length || (bytes.length - bodyStart) % 4 !== 0) {
    throw new Error('matching index: truncated');
  }
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)),
  ) as SerializedHeader<Options>;
  const fieldCount = fieldCountOf(header.options);
  const documentCount = header.documents.length;
  // One copy into a fresh, aligned buffer: the caller keeps its bytes, and the forward lists can
  // be views of this block instead of millions of array elements.
  // (Not `bytes.slice`: on a Node Buffer that is a view, not a copy.)
  const body = new Uint32Array((bytes.length - bodyStart) / 4);
  new Uint8Array(body.buffer).set(bytes.subarray(bodyStart));
  swapBytes(body);
  const termCount = header.termCount;
  const lengthsStart = termCount;
  const offsetsStart = lengthsStart + documentCount * fieldCount;
  const forwardStart = offsetsStart + documentCount + 1;
  if (forwardStart > body.length) throw new Error('matching index: truncated');
  const terms = new Array<string>(termCount);
  let position = 0;
  for (let id = 0; id < termCount; id++) {
    const length = body[id] as number;
    terms[id] = header.terms.slice(position, position + length);
    position += length;
  }
  if (position !== header.terms.length) throw new Error('matching index: term table does not match');
  const state = restoreState(fieldCount, terms, {
    documents: header.documents,
    lengths: body.subarray(lengthsStart, offsetsStart),
    forwardOffsets: body.subarray(offsetsStart, forwardStart),
    forward: body.subarray(forwardStart),
  });
  return { state, options: header.options, phrases: header.phrases, learned: header.learned };
};
