import type { MatchDocument } from '../engine.ts';

/**
 * Parsers for the benchmark's JSONL formats (see the data README). Pure: they take text and return
 * the records plus one message per bad line, so a malformed line is reported with its number and
 * skipped while every other line is still used.
 */
export type LineError = { line: number; message: string };
export type ParsedLines<T> = { records: T[]; errors: LineError[] };

export type BatchQuery = { id: string; text: string };

const describe = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

const parseLines = <T>(text: string, toRecord: (value: Record<string, unknown>) => T): ParsedLines<T> => {
  const records: T[] = [];
  const errors: LineError[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new Error(`invalid JSON (${(error as Error).message})`);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new Error(`expected a JSON object, got ${describe(value)}`);
      }
      records.push(toRecord(value as Record<string, unknown>));
    } catch (error) {
      errors.push({ line: index + 1, message: (error as Error).message });
    }
  });
  return { records, errors };
};

const requireString = (value: Record<string, unknown>, key: string, allowEmpty = false): string => {
  const field = value[key];
  if (typeof field !== 'string') throw new Error(`"${key}" must be a string, got ${describe(field)}`);
  if (!allowEmpty && field.trim() === '') throw new Error(`"${key}" must not be empty`);
  return field;
};

const optionalStringList = (value: Record<string, unknown>, key: string): string[] => {
  const field = value[key];
  if (field === undefined || field === null) return [];
  if (!Array.isArray(field) || field.some((item) => typeof item !== 'string')) {
    throw new Error(`"${key}" must be an array of strings`);
  }
  return field as string[];
};

/** Corpus lines: `{"id", "owners": [...], "title", "keywords": [...], "text"}`; duplicate ids are errors. */
export const parseCorpus = (text: string): ParsedLines<MatchDocument> => {
  const seen = new Set<string>();
  return parseLines(text, (value) => {
    const id = requireString(value, 'id');
    const owners = optionalStringList(value, 'owners').filter((owner) => owner.trim() !== '');
    if (owners.length === 0) throw new Error(`document ${id}: "owners" must list at least one owner`);
    if (seen.has(id)) throw new Error(`duplicate document id ${id}`);
    const title =
      value.title === undefined || value.title === null ? '' : requireString(value, 'title', true);
    const body = value.text === undefined || value.text === null ? '' : requireString(value, 'text', true);
    seen.add(id);
    return { id, owners, fields: { title, keywords: optionalStringList(value, 'keywords'), text: body } };
  });
};

/** Query lines: `{"id", "text"}`. */
export const parseQueries = (text: string): ParsedLines<BatchQuery> =>
  parseLines(text, (value) => ({ id: requireString(value, 'id'), text: requireString(value, 'text') }));
