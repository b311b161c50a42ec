import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { type FieldProblem, isApiError } from './api.ts';

type NamePath = (string | number)[];

function toName(path: string): NamePath {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts per-field problems on their fields (`creditCode` → the creditCode input). Problems for fields
 * the form does not have are returned so the caller can show them above the form.
 */
export function showFieldProblems(form: FormInstance, problems: FieldProblem[]): FieldProblem[] {
  const known = problems.filter((p) => p.path && form.getFieldInstance(toName(p.path)) !== undefined);
  const grouped = new Map<string, string[]>();
  for (const p of known) grouped.set(p.path, [...(grouped.get(p.path) ?? []), p.message]);
  form.setFields([...grouped].map(([path, errors]) => ({ name: toName(path), errors })));
  const first = known[0];
  if (first) form.scrollToField(toName(first.path), { block: 'center', focus: true });
  return problems.filter((p) => !known.includes(p));
}

/** The server's answer to a submit: field problems on the fields; anything else as one message. */
export function showSubmitError(form: FormInstance, error: unknown): string | null {
  if (isApiError(error) && error.fields.length > 0) {
    const rest = showFieldProblems(form, error.fields);
    return rest.length > 0 ? rest.map((p) => `${p.path}: ${p.message}`).join('；') : null;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The same rules the server applies (the shared zod schema), checked before sending. */
export function checkWithSchema<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  showFieldProblems(
    form,
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
  return null;
}
