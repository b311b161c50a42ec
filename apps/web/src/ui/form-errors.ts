import { checkInput, missingMessage } from '@gaodi/contracts';
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { type FieldProblem, isApiError } from './api.ts';
import { documentLang } from './i18n.tsx';

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
    return rest.length > 0 ? rest.map((p) => p.message).join('；') : null;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The same rules the server applies (the shared zod schema), checked before sending and worded
 * the same way (`checkInput`: the field's label and what to do, in the page's language).
 * `required` names fields the contract leaves optional but this user must fill (staff pick the
 * institute of an achievement; an institute partner's is its own): they are flagged together
 * with the contract's problems, not after the server answers.
 */
export function checkWithSchema<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  values: unknown,
  required: readonly string[] = [],
): z.infer<S> | null {
  const lang = documentLang();
  const checked = checkInput(schema, values, lang);
  const problems = checked.ok ? [] : [...checked.problems];
  for (const path of required) {
    const value = (values as Record<string, unknown> | null)?.[path];
    if (value !== null && value !== undefined && value !== '') continue;
    if (problems.some((p) => p.path === path)) continue;
    problems.push({ path, message: missingMessage(schema, path, lang) });
  }
  if (checked.ok && problems.length === 0) return checked.data;
  showFieldProblems(form, problems);
  return null;
}

/**
 * An Ant Design rule that checks one field with the contract, worded as `checkInput` words it
 * (for forms that validate field by field, e.g. the phone sign-in page).
 */
export function contractRule(schema: z.ZodType, path: string): FormRule {
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const checked = checkInput(schema, getFieldsValue(true), documentLang());
      const problem = checked.ok ? undefined : checked.problems.find((p) => p.path === path);
      if (problem) throw new Error(problem.message);
    },
  });
}
