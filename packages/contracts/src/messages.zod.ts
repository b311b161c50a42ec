/** A message's pattern and how its English reads from the match. */
export type Pattern = readonly [RegExp, (m: RegExpExecArray) => string];

/**
 * zod's built-in messages as its zhCN locale writes them. The server re-renders validation issues
 * with zod's English locale where it still has the issue; an import reason keeps only the text,
 * so these patterns translate it from the text.
 */
const ZOD_UNIT_EN: Record<string, string> = {
  字符: 'characters',
  字节: 'bytes',
  项: 'items',
  个元素: 'elements',
};
const ZOD_TYPE_EN: Record<string, string> = {
  数字: 'number',
  数组: 'array',
  '空值(null)': 'null',
  值: 'value',
};
const ZOD_FORMAT_EN: Record<string, string> = {
  输入: 'input',
  电子邮件: 'email address',
  表情符号: 'emoji',
  ISO日期时间: 'ISO datetime',
  ISO日期: 'ISO date',
  ISO时间: 'ISO time',
  ISO时长: 'ISO duration',
  IPv4地址: 'IPv4 address',
  IPv6地址: 'IPv6 address',
  JSON字符串: 'JSON string',
};
const type = (t: string | undefined) => ZOD_TYPE_EN[t ?? ''] ?? t ?? '';
export const ZOD_ZH_PATTERNS: Pattern[] = [
  [
    /^数值过大：期望 (\S+) (<=|<)(\S+) (字符|字节|项|个元素)$/,
    (m) => `Too big: expected ${type(m[1])} to have ${m[2]}${m[3]} ${ZOD_UNIT_EN[m[4] ?? '']}`,
  ],
  [/^数值过大：期望 (\S+) (<=|<)(\S+)$/, (m) => `Too big: expected ${type(m[1])} to be ${m[2]}${m[3]}`],
  [
    /^数值过小：期望 (\S+) (>=|>)(\S+) (字符|字节|项|个元素)$/,
    (m) => `Too small: expected ${type(m[1])} to have ${m[2]}${m[3]} ${ZOD_UNIT_EN[m[4] ?? '']}`,
  ],
  [/^数值过小：期望 (\S+) (>=|>)(\S+)$/, (m) => `Too small: expected ${type(m[1])} to be ${m[2]}${m[3]}`],
  [
    /^无效输入：期望 (.+)，实际接收 (.+)$/,
    (m) => `Invalid input: expected ${type(m[1])}, received ${type(m[2])}`,
  ],
  [/^无效选项：期望以下之一 (.+)$/s, (m) => `Invalid option: expected one of ${m[1]}`],
  [/^无效输入：期望 (.+)$/s, (m) => `Invalid input: expected ${m[1]}`],
  [/^无效字符串：必须满足正则表达式 (.+)$/s, (m) => `Invalid string: must match pattern ${m[1]}`],
  [/^无效数字：必须是 (\S+) 的倍数$/, (m) => `Invalid number: must be a multiple of ${m[1]}`],
  [/^出现未知的键\(key\): (.+)$/s, (m) => `Unrecognized keys: ${m[1]}`],
  [/^无效输入$/, () => 'Invalid input'],
  [/^无效(.+)$/, (m) => `Invalid ${ZOD_FORMAT_EN[m[1] ?? ''] ?? m[1]}`],
];
