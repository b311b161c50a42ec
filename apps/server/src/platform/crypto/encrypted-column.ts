/**
 * A column holding DataBox envelopes: its table's key columns (keyset order, typed) and the place
 * (`aad`) a row's value was bound to. Each module declares its own (encrypted-columns.ts at the
 * root lists them all); identifiers come from code, never from input.
 */
export type EncryptedColumn = {
  table: string;
  column: string;
  key: readonly (readonly [name: string, type: 'uuid' | 'text'])[];
  place: (key: readonly string[]) => string;
};
