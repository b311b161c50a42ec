import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { englishMessage, translateMessage } from './messages.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SOURCES = ['packages/contracts/src', 'apps/server/src'];
/**
 * Not code that writes messages: seed data, generated SQL, the test harness, and documents an
 * office files in Chinese (Excel ledgers and exports, the 工作专报 briefing): their text is a
 * document's, not an answer to the user. Those files throw no AppError (an export that must refuse
 * does so in its route).
 */
const SKIP_DIRS = new Set(['demo', 'migrations', 'test', 'node_modules']);
const SKIP_FILE = /\.test\.ts$|fixtures\.ts$|\.report\.ts$|\.export\.ts$|\.briefing\.ts$|^export-[\w-]+\.ts$/;

/** Chinese literals the contexts below catch that are data, not messages. */
const NOT_MESSAGES = [
  '立项时指定', // audit note of a helper assignment
  '（其他区域单位）', // a party's name shown when its region is out of scope
  '（合同 ', // a project's ledger note
  '帮办专员由 ', // hand-over note written to the project's history
  '年大院大所招引方案', // a plan's default title
  "get('year')}年", // chineseDate()
];

const LIT = String.raw`('(?:[^'\\\n]|\\.)*'|\`(?:[^\`\\]|\\.)*\`)`;
/** Where a string is a message: `message:` or `reason:`, the last argument of a call or tuple (zod's `.regex(re, '…')`, `.refine(fn, '…')`, `problem(col, '…')`, `[col, '…']`), an AppError's text, a ternary's branches, a returned explanation. */
const CONTEXTS = [
  new RegExp(String.raw`(?:message|reason):\s*${LIT}`, 'g'),
  new RegExp(String.raw`,\s*${LIT}\s*,?\s*[)\]]`, 'g'),
  new RegExp(String.raw`new AppError\(\s*\d+\s*,\s*'[A-Z_]+'\s*,\s*${LIT}`, 'g'),
  new RegExp(String.raw`\?\s*${LIT}`, 'g'),
  new RegExp(String.raw`\?\s*'(?:[^'\\\n]|\\.)*'\s*:\s*${LIT}`, 'g'),
  new RegExp(String.raw`return\s+${LIT}`, 'g'),
];
const CJK = /[\u4e00-\u9fff]/;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) sourceFiles(path, out);
    } else if (name.endsWith('.ts') && !SKIP_FILE.test(name) && !name.startsWith('messages.')) out.push(path);
  }
  return out;
}

/** A template literal with each `${…}` replaced by a sample value, as it reads at run time. */
function sample(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith("'")) return body.replace(/\\(.)/g, '$1');
  let text = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '$' && body[i + 1] === '{') {
      let depth = 1;
      i += 2;
      while (i < body.length && depth > 0) {
        if (body[i] === '{') depth++;
        else if (body[i] === '}') depth--;
        i++;
      }
      i--;
      text += '12';
    } else text += body[i];
  }
  return text;
}

/** Every Chinese message literal in the server and contracts sources, with the file it is in. */
function messageLiterals(): { file: string; literal: string; text: string }[] {
  const found = new Map<string, { file: string; literal: string; text: string }>();
  for (const dir of SOURCES) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const src = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const context of CONTEXTS) {
        for (const m of src.matchAll(context)) {
          const literal = m[1] ?? '';
          if (!CJK.test(literal) || NOT_MESSAGES.some((n) => literal.includes(n))) continue;
          if (!found.has(literal))
            found.set(literal, { file: relative(ROOT, file), literal, text: sample(literal) });
        }
      }
    }
  }
  return [...found.values()];
}

describe('message catalog', () => {
  const literals = messageLiterals();

  it('finds the messages the code writes', () => {
    // The scan itself must keep working: these are known to be in the sources.
    const texts = literals.map((l) => l.text);
    expect(texts).toContain('至少需要一个合作方（企业或院所）');
    expect(texts).toContain('与第 12 行的统一社会信用代码重复');
    expect(texts).toContain('产业“12”不存在');
    expect(texts).toContain('密码至少 10 位');
    expect(literals.length).toBeGreaterThan(90);
  });

  it('has English for every Chinese message in the server and contracts sources', () => {
    const missing = literals
      .filter(({ text }) => {
        const en = englishMessage(text);
        return en === null || CJK.test(en);
      })
      .map(({ file, literal }) => `${file}: ${literal}`);
    expect(missing).toEqual([]);
  });

  it('translates interpolated messages and keeps what the user wrote', () => {
    expect(translateMessage('与第 2 行的统一社会信用代码重复', 'en')).toBe(
      'Same unified social credit code as row 2',
    );
    expect(translateMessage('产业“航天”不存在', 'en')).toBe('Industry “航天” does not exist');
    expect(translateMessage('统一社会信用代码校验位错误，应为 X', 'en')).toBe(
      'Wrong check character in the unified social credit code; it should be X',
    );
    expect(translateMessage('允许的下一阶段：签约、终止', 'en')).toBe('Allowed next stages: Signed, Stopped');
    expect(translateMessage('允许的去向：洽谈、搁置、终止', 'en')).toBe(
      'Allowed next stages: Negotiating, Shelved, Dropped',
    );
    expect(translateMessage('允许的下一阶段：无', 'en')).toBe('Allowed next stages: none');
  });

  it("translates zod's zhCN wording, which import reasons keep as text", () => {
    expect(translateMessage('数值过大：期望 string <=200 字符', 'en')).toBe(
      'Too big: expected string to have <=200 characters',
    );
    expect(translateMessage('数值过小：期望 string >=1 字符', 'en')).toBe(
      'Too small: expected string to have >=1 characters',
    );
    expect(translateMessage('无效输入：期望 string，实际接收 数字', 'en')).toBe(
      'Invalid input: expected string, received number',
    );
  });

  it('translates the inbox titles the server writes, keeping the item’s own name', () => {
    expect(translateMessage('红灯督办：江南大学', 'en')).toBe('Red light, under supervision: 江南大学');
    expect(translateMessage('红灯超过 14 天，提请领导关注：江南大学', 'en')).toBe(
      "Red for more than 14 days, for the leaders' attention: 江南大学",
    );
    expect(translateMessage('您已被指定为帮办专员：大蒜深加工', 'en')).toBe(
      'You are now the helper of: 大蒜深加工',
    );
    expect(translateMessage('暂不列入圆桌议程：江南大学', 'en')).toBe(
      'Not on the round-table agenda for now: 江南大学',
    );
  });

  it('keeps Chinese for zh and falls back to the text itself', () => {
    expect(translateMessage('至少需要一个合作方（企业或院所）', 'zh')).toBe(
      '至少需要一个合作方（企业或院所）',
    );
    expect(translateMessage('没有登记过的话', 'en')).toBe('没有登记过的话');
    expect(translateMessage('Already English', 'en')).toBe('Already English');
  });
});
