import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMatchingEngine,
  loadMatchingEngine,
  type MatchDocument,
  type MatchingEngine,
} from './engine.ts';

const fixtures: MatchDocument[] = [
  {
    id: 'a1',
    owners: ['山东农业大学'],
    fields: {
      title: '大蒜中蒜氨酸的超声辅助提取工艺优化',
      keywords: ['蒜氨酸', '大蒜', '超声提取'],
      text: '以大蒜为原料，研究蒜氨酸的提取条件，并考察其热稳定性。',
    },
    tags: ['kind:achievement', 'region:370000'],
  },
  {
    id: 'a2',
    owners: ['山东农业大学', '中国农业科学院'],
    fields: {
      title: '黑蒜加工过程中风味物质变化',
      keywords: ['黑蒜', '美拉德反应'],
      text: '黑蒜深加工中氨基酸与还原糖发生美拉德反应。',
    },
    tags: ['kind:achievement', 'region:370000'],
  },
  {
    id: 'a3',
    owners: ['江南大学'],
    fields: {
      title: '微胶囊包埋提高活性成分稳定性',
      keywords: ['微胶囊', '稳定化', '包埋'],
      text: '采用喷雾干燥微胶囊技术提高功能成分的储藏稳定性。',
    },
    tags: ['kind:achievement', 'region:320000'],
  },
  {
    id: 'a4',
    owners: ['哈尔滨工业大学'],
    fields: {
      title: '激光焊接钢材的组织与性能',
      keywords: ['激光焊接', 'Q235钢'],
      text: '研究了激光功率对焊缝组织和力学性能的影响。',
    },
    tags: ['kind:achievement', 'region:230000'],
  },
  {
    id: 'n1',
    owners: ['金乡蒜业公司'],
    fields: { title: '蒜氨酸高效提取与稳定化', text: '企业需要大蒜深加工中蒜氨酸的高效提取与稳定化技术。' },
    tags: ['kind:need'],
  },
  {
    id: 'n2',
    owners: ['某钢结构公司'],
    fields: { title: '厚板激光焊接变形控制', text: '需要解决激光焊接钢材的焊接变形问题。' },
    tags: ['kind:need'],
  },
];

const build = (docs = fixtures): MatchingEngine => {
  const engine = createMatchingEngine();
  engine.addMany(docs);
  return engine;
};

const NEED = '大蒜深加工中蒜氨酸的高效提取与稳定化技术';

describe('matching engine', () => {
  it('ranks the institutes that can solve a need first, with the documents that carried them', () => {
    const { owners } = build().search(NEED, { filters: { tags: ['kind:achievement'] } });
    expect(owners[0]?.owner).toBe('山东农业大学');
    expect(owners[0]?.documents[0]?.id).toBe('a1');
    expect(owners.map((owner) => owner.owner)).not.toContain('哈尔滨工业大学');
    expect(owners.map((owner) => owner.owner)).not.toContain('金乡蒜业公司');
  });

  it('explains with terms that occur in both the query and the document, in the right fields', () => {
    const engine = build();
    const queryTerms = new Set(engine.tokenize(NEED));
    const { owners } = engine.search(NEED, { explain: true, filters: { tags: ['kind:achievement'] } });
    expect(owners.length).toBeGreaterThan(0);
    for (const owner of owners) {
      const shares = owner.documents.reduce((sum, doc) => sum + doc.share, owner.profileShare);
      expect(shares).toBeCloseTo(1, 10);
      for (const doc of owner.documents) {
        const source = fixtures.find((fixture) => fixture.id === doc.id);
        expect(doc.matches?.length).toBeGreaterThan(0);
        for (const match of doc.matches ?? []) {
          const bare = match.term.replace(/^#/, '');
          expect(queryTerms.has(match.term) || NEED.includes(bare)).toBe(true);
          for (const field of match.fields) {
            const value = source?.fields[field];
            const fieldText = typeof value === 'string' ? value : (value ?? []).join(' ');
            if (match.term.startsWith('#')) expect(fieldText).toContain(bare);
            else expect(engine.tokenize(fieldText)).toContain(match.term);
          }
        }
      }
      expect(owner.terms).toEqual(
        expect.arrayContaining([
          ...new Set(owner.documents.flatMap((doc) => (doc.matches ?? []).map((m) => m.term))),
        ]),
      );
    }
    const a1 = owners[0]?.documents.find((doc) => doc.id === 'a1');
    expect(a1?.matches?.find((match) => match.term === '蒜氨酸')?.fields).toEqual([
      'title',
      'keywords',
      'text',
    ]);
  });

  it('applies tag and owner filters', () => {
    const engine = build();
    const needs = engine.searchDocuments(NEED, { filters: { tags: ['kind:need'] } }).documents;
    expect(needs.map((doc) => doc.id)).toEqual(['n1']);
    const onlyJiangnan = engine.search(NEED, { filters: { owners: ['江南大学'] } }).owners;
    expect(onlyJiangnan.map((owner) => owner.owner)).toEqual(['江南大学']);
    const withoutShandong = engine.search(NEED, { filters: { excludeOwners: ['山东农业大学'] } }).owners;
    expect(withoutShandong.map((owner) => owner.owner)).not.toContain('山东农业大学');
    expect(
      engine.search(NEED, { filters: { excludeTags: ['kind:need', 'kind:achievement'] } }).owners,
    ).toEqual([]);
  });

  it('ranks needs for an institute profile with the same mechanism (reverse direction)', () => {
    const engine = build();
    const forWelding = engine.searchDocuments(
      { owner: '哈尔滨工业大学' },
      { filters: { tags: ['kind:need'] } },
    );
    expect(forWelding.documents[0]?.id).toBe('n2');
    expect(forWelding.query.every((term) => term.source === 'profile')).toBe(true);
    const forGarlic = engine.searchDocuments({ owner: '山东农业大学' }, { filters: { tags: ['kind:need'] } });
    expect(forGarlic.documents[0]?.id).toBe('n1');
    // Owners are never matched against themselves.
    const similar = engine.search({ owner: '山东农业大学' });
    expect(similar.owners.map((owner) => owner.owner)).not.toContain('山东农业大学');
  });

  it('ranks needs for one achievement, its own terms the query, never the achievement itself', () => {
    const engine = build();
    const needs = { filters: { tags: ['kind:need'] } };
    expect(engine.searchDocuments({ document: 'a1' }, needs).documents[0]?.id).toBe('n1');
    expect(engine.searchDocuments({ document: 'a4' }, needs).documents[0]?.id).toBe('n2');
    // Two achievements of one owner ask different questions: the garlic one finds no welding need.
    expect(engine.searchDocuments({ document: 'a1' }, needs).documents.map((d) => d.id)).not.toContain('n2');
    const anything = engine.searchDocuments({ document: 'a1' });
    expect(anything.documents.map((d) => d.id)).not.toContain('a1');
    expect(anything.documents.length).toBeGreaterThan(0);
    expect(engine.searchDocuments({ document: 'no-such-id' }).documents).toEqual([]);
  });

  it('expands the query with deployment synonyms', () => {
    const docs: MatchDocument[] = [
      { id: 's1', owners: ['甲所'], fields: { title: '马铃薯淀粉加工', text: '' } },
      { id: 's2', owners: ['乙所'], fields: { title: '小麦淀粉加工', text: '' } },
    ];
    const plain = createMatchingEngine({ bigramWeight: 0 });
    plain.addMany(docs);
    expect(plain.search('土豆').owners).toEqual([]);
    const withSynonyms = createMatchingEngine({ bigramWeight: 0, synonyms: [['土豆', '马铃薯']] });
    withSynonyms.addMany(docs);
    expect(withSynonyms.search('土豆').owners.map((owner) => owner.owner)).toEqual(['甲所']);
  });

  it('skips corpus stop terms only in large corpora', () => {
    const docsWith = (count: number): MatchDocument[] =>
      Array.from({ length: count }, (_, i) => ({
        id: `c${i}`,
        owners: [`所${i % 50}`],
        fields: { title: i < 2 ? 'common rare' : 'common filler', text: '' },
      }));
    const small = createMatchingEngine({ bigramWeight: 0 });
    small.addMany(docsWith(10));
    expect(small.searchDocuments('common', { top: 20 }).documents).toHaveLength(10);
    const large = createMatchingEngine({ bigramWeight: 0 });
    large.addMany(docsWith(1200));
    // 'common' is in every one of 1,200 documents: skipped; 'rare' still ranks its two documents.
    expect(large.searchDocuments('common').documents).toEqual([]);
    expect(large.searchDocuments('common rare').documents.map((doc) => doc.id)).toEqual(['c0', 'c1']);
  });

  it('updates and removes documents one at a time', () => {
    const engine = build();
    expect(engine.size()).toBe(fixtures.length);
    engine.update({ id: 'a4', owners: ['哈尔滨工业大学'], fields: { title: '蒜氨酸稳定化', text: '' } });
    expect(engine.search('激光焊接', { filters: { tags: ['kind:achievement'] } }).owners).toEqual([]);
    expect(engine.search('蒜氨酸').owners.map((owner) => owner.owner)).toContain('哈尔滨工业大学');
    expect(engine.remove('a4')).toBe(true);
    expect(engine.remove('a4')).toBe(false);
    expect(engine.has('a4')).toBe(false);
    expect(engine.size()).toBe(fixtures.length - 1);
    expect(() => engine.add(fixtures[0] as MatchDocument)).toThrow(/already indexed/);
    expect(() => engine.add({ id: 'bad', owners: 'x' } as unknown as MatchDocument)).toThrow(/owners/);
  });

  it('gives identical results after serialise and load', () => {
    const engine = build();
    engine.remove('a2');
    engine.add(fixtures[1] as MatchDocument);
    const loaded = loadMatchingEngine(engine.serialize());
    for (const query of [NEED, '激光焊接 钢材', '美拉德反应', '稳定性']) {
      expect(loaded.search(query, { explain: true })).toEqual(engine.search(query, { explain: true }));
      expect(loaded.searchDocuments(query, { explain: true })).toEqual(
        engine.searchDocuments(query, { explain: true }),
      );
    }
    expect(loaded.tokenize(NEED)).toEqual(engine.tokenize(NEED));
    expect(loaded.size()).toBe(engine.size());
    expect(() => loadMatchingEngine(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toThrow(
      /not a serialised index/,
    );
  });
});

describe('incremental index (property)', () => {
  const words = [
    '蒜氨酸',
    '大蒜',
    '提取',
    '稳定化',
    '激光',
    '焊接',
    '钢材',
    '微胶囊',
    'laser',
    'Q235',
    '黑蒜',
    '发酵',
  ];
  const owners = ['甲所', '乙所', '丙所', '丁所'];
  const text = fc
    .array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''));
  const doc = (id: string) =>
    fc.record({
      id: fc.constant(id),
      owners: fc.uniqueArray(fc.constantFrom(...owners), { minLength: 1, maxLength: 2 }),
      fields: fc.record({
        title: text,
        keywords: fc.array(text, { maxLength: 3 }),
        text,
      }),
      tags: fc.subarray(['kind:achievement', 'kind:need']),
    });
  const corpus = fc
    .integer({ min: 1, max: 6 })
    .chain((size) => fc.tuple(...Array.from({ length: size }, (_, i) => doc(`d${i}`))));
  const queries = ['蒜氨酸提取', '激光焊接钢材', 'laser q235', '黑蒜发酵稳定化', '大蒜'];

  const snapshot = (engine: MatchingEngine) =>
    queries.map((query) => ({
      owners: engine.search(query, { explain: true }),
      documents: engine.searchDocuments(query, { explain: true, filters: { tags: ['kind:achievement'] } }),
      tokens: engine.tokenize(query),
    }));

  it('adding then removing a document leaves every result unchanged', () => {
    fc.assert(
      fc.property(corpus, doc('extra'), (docs, extra) => {
        const engine = createMatchingEngine();
        for (const item of docs) engine.add(item);
        const before = snapshot(engine);
        engine.add(extra);
        engine.remove('extra');
        expect(snapshot(engine)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });
});
