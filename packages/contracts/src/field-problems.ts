import type { z } from 'zod';
import { SCHEMA_LABELS } from './field-labels.schemas.ts';
import { FIELD_LABELS, type FieldLabel } from './field-labels.ts';
import { FIELD_TEMPLATES, type FieldTemplate } from './messages.fields.ts';
import { type MessageLang, translateMessage } from './messages.ts';

/** One field's problem: `path` as the API reports it (`partners.0.name`), the message in the user's language. */
export type FieldProblem = { path: string; message: string };

/** Marks the issues zod worded itself (no message written in the contract): those we word. */
const UNWORDED = '\u0000unworded';
const NO_LABEL: FieldLabel = ['该字段', 'field'];

type Issue = z.core.$ZodIssue & { input?: unknown };

/** The field's name as its form labels it: the contract's own label, else the field's usual name. */
export function fieldLabel(schema: z.ZodType, path: readonly PropertyKey[]): FieldLabel {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const own = SCHEMA_LABELS.get(schema);
  const first = keys[0];
  const last = keys.at(-1);
  // A problem with the whole input (no path) is named by what the input is: 议题.
  if (first === undefined || last === undefined) return own?.[''] ?? NO_LABEL;
  return own?.[first] ?? FIELD_LABELS[last] ?? FIELD_LABELS[first] ?? NO_LABEL;
}

const isMissing = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** Chosen from a list (a select) rather than typed: ids, enums, yes/no, lists. */
function isPicked(issue: Issue): boolean {
  const key = issue.path.filter((p) => typeof p === 'string').at(-1);
  if (typeof key === 'string' && /Ids?$/.test(key)) return true;
  if (issue.code === 'invalid_value') return true;
  if (issue.code === 'invalid_format') return issue.format === 'uuid';
  if (issue.code === 'invalid_type') return ['boolean', 'array'].includes(issue.expected);
  return false;
}

function templateOf(issue: Issue): [FieldTemplate, string?] {
  const pick = isPicked(issue);
  if (issue.code !== 'custom' && isMissing(issue.input) && issue.code !== 'unrecognized_keys')
    return [pick ? 'choose' : 'fill'];
  switch (issue.code) {
    case 'invalid_type':
      if (['number', 'int', 'bigint'].includes(issue.expected)) return ['number'];
      if (issue.expected === 'boolean') return ['yesNo'];
      return [pick ? 'fromList' : issue.expected === 'string' ? 'text' : 'invalid'];
    case 'too_small':
      if (issue.origin === 'string') return ['tooShort', String(issue.minimum)];
      if (issue.origin === 'array' || issue.origin === 'set') return ['more', String(issue.minimum)];
      return ['min', String(issue.minimum)];
    case 'too_big':
      if (issue.origin === 'string') return ['tooLong', String(issue.maximum)];
      if (issue.origin === 'array' || issue.origin === 'set') return ['fewer', String(issue.maximum)];
      return ['max', String(issue.maximum)];
    case 'invalid_format':
      if (issue.format === 'uuid') return ['fromList'];
      if (issue.format === 'email') return ['email'];
      return ['format'];
    case 'invalid_value':
      return ['fromList'];
    case 'not_multiple_of':
      return ['integer'];
    default:
      return ['invalid'];
  }
}

/** One issue in `lang`: the contract's own words through the catalog, else worded from the field's label. */
export function issueMessage(schema: z.ZodType, issue: Issue, lang: MessageLang): string {
  if (issue.message !== UNWORDED && !(issue.code !== 'custom' && isMissing(issue.input)))
    return translateMessage(issue.message, lang);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return word('unknownKeys', [keys, keys], lang);
  }
  const [template, n] = templateOf(issue);
  return word(template, fieldLabel(schema, issue.path), lang, n);
}

function word(template: FieldTemplate, label: FieldLabel, lang: MessageLang, n = ''): string {
  const i = lang === 'zh' ? 0 : 1;
  return FIELD_TEMPLATES[template][i].replace('{f}', label[i]).replace('{n}', n);
}

/** "请选择成果所属院所" / "请填写…": a field this user must fill though the contract lets it be empty. */
export function missingMessage(schema: z.ZodType, path: string, lang: MessageLang): string {
  return word(/Ids?$/.test(path) ? 'choose' : 'fill', fieldLabel(schema, [path]), lang);
}

/**
 * Checks `value` against a contract and words every problem in `lang`, naming the field as its
 * form does and saying what to do ("请填写需求名称" / "Enter the need title"). The server answers
 * bad requests with it and the forms check with it before sending: one wording on both sides.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: MessageLang,
): { ok: true; data: z.output<S> } | { ok: false; problems: FieldProblem[] } {
  const result = schema.safeParse(value, { error: () => UNWORDED, reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issueMessage(schema, issue as Issue, lang),
    })),
  };
}
