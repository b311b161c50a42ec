import { z } from 'zod';

/** The one error shape of the whole API. `message` is in the user's language. */
export const ApiError = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  /** Per-field problems: `path` is the field's path in the body or query (e.g. `creditCode`). */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const Id = z.uuid();
export const IdParams = z.object({ id: z.uuid() });
export type IdParams = z.infer<typeof IdParams>;

/** GB/T 2260 region code: six digits. */
export const RegionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');

export const Pagination = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const Ok = z.object({ ok: z.literal(true) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

// NUL and other C0 controls (but tab and newlines) are never valid in text PostgreSQL stores.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const noControl = { message: '不能包含控制字符' };

/** A trimmed, bounded, non-empty text field. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), noControl);
}
/** A trimmed, bounded text field that may be empty. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s), noControl)
    .default('');
}
/** optionalText in a patch: a field left out stays out (a default '' would blank the stored value). */
export const patchText = (max: number) => optionalText(max).unwrap().optional();
