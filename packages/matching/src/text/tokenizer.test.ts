import { describe, expect, it } from 'vitest';
import { createMatchingEngine } from '../engine.ts';
import { normalizeText } from './normalize.ts';
import { createPhraseDictionary } from './phrase-dictionary.ts';
import { createTokenizer } from './tokenizer.ts';

const tokenizer = createTokenizer('search');

describe('normalizeText', () => {
  it('folds full-width Latin, digits and spaces to half-width and lower-cases Latin', () => {
    expect(normalizeText('ＲＤＦ数据库　Ｎｅｏ４ｊ　１２３')).toBe('rdf数据库 neo4j 123');
  });
});

describe('tokenizer', () => {
  it('keeps Latin terms and numbers beside Chinese words, lower-cased', () => {
    const tokens = tokenizer.segment('采用Neo4j数据库存储RDF数据，pH7.5条件下提高3.14倍');
    expect(tokens).toEqual(expect.arrayContaining(['neo4j', '数据库', 'rdf', 'ph7.5', '3.14']));
  });

  it('gives the same tokens for full-width and half-width input', () => {
    expect(tokenizer.segment('ＲＤＦ和ＳＰＡＲＱＬ查询')).toEqual(tokenizer.segment('RDF和SPARQL查询'));
  });

  it('drops stop words and punctuation', () => {
    const tokens = tokenizer.segment('大蒜的提取，与稳定化。');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('与');
    expect(tokens).not.toContain('，');
    expect(tokens).toContain('大蒜');
  });

  it('learns a domain term from document keywords so that it stays one term', () => {
    const engine = createMatchingEngine();
    const need = '大蒜深加工中蒜氨酸的高效提取与稳定化技术';
    expect(engine.tokenize(need)).not.toContain('蒜氨酸');
    engine.add({
      id: 'a1',
      owners: ['山东农业大学'],
      fields: { title: '蒜氨酸提取工艺', keywords: ['蒜氨酸', '大蒜'], text: '研究蒜氨酸的提取。' },
    });
    expect(engine.tokenize(need)).toContain('蒜氨酸');
    expect(engine.tokenize(need)).not.toContain('中蒜'); // jieba's wrong cut is gone
    // Forgotten again with the only document that taught it.
    engine.remove('a1');
    expect(engine.tokenize(need)).not.toContain('蒜氨酸');
  });

  it('does not learn keywords jieba already keeps whole', () => {
    expect(tokenizer.toPhrase('数据库')).toBeNull();
    expect(tokenizer.toPhrase('蒜氨酸')).toBe('蒜氨酸');
    expect(tokenizer.toPhrase('ＲＤＦ数据仓储')).toBe('rdf数据仓储');
  });

  it('does not cut a learned Latin phrase out of a longer Latin word', () => {
    const phrases = createPhraseDictionary();
    phrases.learn('rdf存储');
    phrases.learn('nirk');
    const phraseTexts = (text: string) =>
      phrases
        .split(text)
        .filter((piece) => piece.isPhrase)
        .map((piece) => piece.text);
    expect(phraseTexts('基于rdf存储的系统')).toEqual(['rdf存储']);
    expect(phraseTexts('xrdf存储')).toEqual([]);
    expect(phraseTexts('nirk基因')).toEqual(['nirk']);
    expect(phraseTexts('nirkb基因')).toEqual([]);
    expect(phrases.split('用nirk基因')).toEqual([
      { text: '用', isPhrase: false },
      { text: 'nirk', isPhrase: true },
      { text: '基因', isPhrase: false },
    ]);
  });

  it('emits Chinese character bigrams marked apart from words', () => {
    expect(tokenizer.bigrams('蒜氨酸 abc 提取')).toEqual(['#蒜氨', '#氨酸', '#提取']);
  });
});
