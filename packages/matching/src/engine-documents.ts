import type { FieldValue, MatchDocument } from './engine-types.ts';

/** A field's items: the text itself, or each item of a list. */
export const fieldItems = (value: FieldValue | undefined): readonly string[] => {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
};

/** Throws a TypeError naming what is wrong with a document given by a caller. */
export const validateDocument = (doc: MatchDocument): void => {
  if (!doc || typeof doc !== 'object') throw new TypeError('document must be an object');
  if (typeof doc.id !== 'string' || doc.id === '')
    throw new TypeError('document id must be a non-empty string');
  if (!Array.isArray(doc.owners) || doc.owners.some((owner) => typeof owner !== 'string' || owner === '')) {
    throw new TypeError(`document ${doc.id}: owners must be an array of non-empty strings`);
  }
  if (!doc.fields || typeof doc.fields !== 'object')
    throw new TypeError(`document ${doc.id}: fields missing`);
  for (const [name, value] of Object.entries(doc.fields)) {
    const isList = Array.isArray(value) && value.every((item) => typeof item === 'string');
    if (value !== undefined && typeof value !== 'string' && !isList) {
      throw new TypeError(`document ${doc.id}: field ${name} must be a string or an array of strings`);
    }
  }
  if (
    doc.tags !== undefined &&
    (!Array.isArray(doc.tags) || doc.tags.some((tag) => typeof tag !== 'string'))
  ) {
    throw new TypeError(`document ${doc.id}: tags must be an array of strings`);
  }
};
