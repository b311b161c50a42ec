import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInput } from './field-problems.ts';
import * as contracts from './index.ts';
import { englishMessage, type MessageLang } from './messages.ts';

/** Every contract a form or an API client submits: the exported `…Input` schemas. */
const INPUTS = (Object.entries(contracts) as [string, unknown][]).filter(
  (e): e is [string, z.ZodType] => /Input$/.test(e[0]) && e[1] instanceof z.ZodType,
);

/** zod's own wording, in its English or its zhCN locale: a user must never read it. */
const ZOD_WORDING =
  /Too (small|big)|Invalid (input|option|string|number|format)|expected|received|Unrecognized|数值过[大小]|无效(输入|选项|字符串|数字)|期望|实际接收|该字段|\b[Tt]he field\b/;
const CJK = /[\u4e00-\u9fff]/;

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const def = schema._zod.def as unknown as Record<string, unknown>;
  if (def.type === 'object') return def.shape as Record<string, z.ZodType>;
  if (def.type === 'union') return Object.assign({}, ...(def.options as z.ZodType[]).map(shapeOf));
  const inner = (def.innerType ?? def.in) as z.ZodType | undefined;
  return inner ? shapeOf(inner) : {};
}

/** What a user may type into any form: nothing, blanks, the wrong kind, too much. */
function fillings(schema: z.ZodType): Record<string, unknown>[] {
  const keys = Object.keys(shapeOf(schema));
  const all = (value: unknown) => Object.fromEntries(keys.map((k) => [k, value]));
  return [
    {},
    all(''),
    all('   '),
    all(null),
    all(-1),
    all(1.5),
    all('x'.repeat(20_000)),
    all({}),
    all(['x']),
  ];
}

describe('every input contract words its problems for the user', () => {
  it('walks the contracts', () => expect(INPUTS.length).toBeGreaterThan(60));

  for (const lang of ['zh', 'en'] as MessageLang[])
    it(`names the field and says what to do (${lang})`, () => {
      const bad: string[] = [];
      for (const [name, schema] of INPUTS)
        for (const value of fillings(schema)) {
          const checked = checkInput(schema, value, lang);
          if (checked.ok) continue;
          for (const { path, message } of checked.problems) {
            const wrong =
              ZOD_WORDING.test(message) ||
              (lang === 'zh' && (!CJK.test(message) || englishMessage(message) === null)) ||
              (lang === 'en' && CJK.test(message.replace(/x+/g, '')));
            if (wrong) bad.push(`${name}.${path}: ${message}`);
          }
        }
      expect([...new Set(bad)]).toEqual([]);
    });

  it('words the need form the way its labels read', () => {
    expect(checkInput(contracts.NeedInput, { title: ' ', budgetMinFen: -1 }, 'zh')).toMatchObject({
      problems: [
        { path: 'title', message: '请填写需求名称' },
        { path: 'description', message: '请填写需求描述' },
        { path: 'budgetMinFen', message: '预算下限须为不小于 0 的数字' },
      ],
    });
    expect(checkInput(contracts.EventInput, {}, 'en')).toMatchObject({
      problems: [
        { path: 'title', message: 'Enter the event title' },
        { path: 'kind', message: 'Choose the event format' },
        { path: 'heldOn', message: 'Enter the event date' },
        { path: 'organiser', message: 'Enter the organiser' },
      ],
    });
  });
});
