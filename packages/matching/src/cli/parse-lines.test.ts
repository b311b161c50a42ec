import { describe, expect, it } from 'vitest';
import { parseCorpus, parseQueries } from './parse-lines.ts';

describe('batch input parsing', () => {
  it('reports each malformed corpus line with its number and keeps every good line', () => {
    const text = [
      '{"id": "p1", "owners": ["甲所"], "title": "激光焊接", "keywords": ["激光"], "text": "摘要"}',
      '{"id": "p2", "owners": ["乙所"], "title": "broken',
      '',
      '{"id": "p3", "owners": [], "title": "无单位", "keywords": [], "text": ""}',
      '["not", "an", "object"]',
      '{"id": "p1", "owners": ["丙所"], "title": "重复", "keywords": [], "text": ""}',
      '{"id": "p4", "owners": ["丁所"], "title": "钢材", "keywords": "激光", "text": ""}',
      '{"id": "p5", "owners": ["戊所"], "title": "钢材", "text": "正常"}',
    ].join('\n');
    const { records, errors } = parseCorpus(text);
    expect(records.map((doc) => doc.id)).toEqual(['p1', 'p5']);
    expect(errors.map((error) => error.line)).toEqual([2, 4, 5, 6, 7]);
    expect(errors[0]?.message).toMatch(/invalid JSON/);
    expect(errors[1]?.message).toMatch(/owners/);
    expect(errors[2]?.message).toMatch(/expected a JSON object, got array/);
    expect(errors[3]?.message).toMatch(/duplicate document id p1/);
    expect(errors[4]?.message).toMatch(/keywords/);
    expect(records[0]?.fields).toEqual({ title: '激光焊接', keywords: ['激光'], text: '摘要' });
  });

  it('reports malformed query lines with their numbers', () => {
    const { records, errors } = parseQueries(
      '{"id": "q1", "text": "激光"}\n{"id": "q2"}\n{"id": 3, "text": "x"}\n',
    );
    expect(records).toEqual([{ id: 'q1', text: '激光' }]);
    expect(errors).toEqual([
      { line: 2, message: '"text" must be a string, got undefined' },
      { line: 3, message: '"id" must be a string, got number' },
    ]);
  });
});
