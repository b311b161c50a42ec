import { SCHEMA_LABELS } from './field-labels.schemas.ts';
import { FIELD_LABELS } from './field-labels.ts';
import type { Pattern } from './messages.zod.ts';

/**
 * How a field problem is worded, Chinese and English: `{f}` the field's label, `{n}` a bound.
 * field-problems.ts words zod's issues with them; the patterns below translate the same wording
 * when the server writes it by hand (`invalid([{ path, message: '请填写…' }])`).
 */
export const FIELD_TEMPLATES = {
  fill: ['请填写{f}', 'Enter the {f}'],
  choose: ['请选择{f}', 'Choose the {f}'],
  fromList: ['请从列表中选择{f}', 'Choose the {f} from the list'],
  tooLong: ['{f}不能超过 {n} 个字', 'The {f} cannot exceed {n} characters'],
  tooShort: ['{f}至少 {n} 个字', 'The {f} needs at least {n} characters'],
  min: ['{f}须为不小于 {n} 的数字', 'The {f} must be a number not less than {n}'],
  max: ['{f}须为不大于 {n} 的数字', 'The {f} must be a number not greater than {n}'],
  number: ['{f}须为数字', 'The {f} must be a number'],
  integer: ['{f}须为整数', 'The {f} must be a whole number'],
  text: ['{f}须为文字', 'The {f} must be text'],
  yesNo: ['{f}须为“是”或“否”', 'The {f} must be yes or no'],
  format: ['{f}格式不正确', 'The {f} is not in the right format'],
  email: ['{f}须为有效的电子邮箱', 'The {f} must be a valid email address'],
  fewer: ['{f}最多 {n} 项', 'The {f} can have at most {n} items'],
  more: ['{f}至少 {n} 项', 'The {f} needs at least {n} items'],
  invalid: ['{f}填写有误', 'The {f} is not valid'],
  unknownKeys: ['不支持的字段：{f}', 'Unknown fields: {f}'],
} as const satisfies Record<string, readonly [string, string]>;
export type FieldTemplate = keyof typeof FIELD_TEMPLATES;

/** Every label's English by its Chinese (a contract's own labels first). */
export const FIELD_EN: Record<string, string> = Object.fromEntries(
  [...[...SCHEMA_LABELS.values()].flatMap((l) => Object.values(l)), ...Object.values(FIELD_LABELS)]
    .reverse()
    .map(([zh, en]) => [zh, en]),
);
FIELD_EN.该字段 = 'field';

const escapeRegExp = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** The templates as catalog patterns: '请填写需求名称' → 'Enter the need title'. */
export const FIELD_PATTERNS: Pattern[] = Object.values(FIELD_TEMPLATES).map(([zh, en]) => {
  const names: ('f' | 'n')[] = [];
  const source = escapeRegExp(zh).replace(/\{([fn])\}/g, (_m, a: string) => {
    const name = a as 'f' | 'n';
    names.push(name);
    return name === 'f' ? '(.+?)' : '(\\S+)';
  });
  return [
    new RegExp(`^${source}$`, 's'),
    (m) => {
      let out: string = en;
      names.forEach((name, i) => {
        const value = m[i + 1] ?? '';
        out = out.replace(`{${name}}`, name === 'f' ? (FIELD_EN[value] ?? value) : value);
      });
      return out;
    },
  ];
});
