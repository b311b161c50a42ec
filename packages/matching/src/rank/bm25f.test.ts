import { describe, expect, it } from 'vitest';
import { createMatchingEngine, type EngineOptions } from '../engine.ts';

// One field, Latin tokens, no bigrams or phrases: every number below can be checked by hand.
const plain: EngineOptions = {
  fields: [{ name: 'text', weight: 1, b: 0.75 }],
  k1: 1.2,
  bigramWeight: 0,
  learnPhrases: false,
  aggregation: { topK: 2, decay: 0.5 },
  ownerModel: null,
};

const bm25 = (idf: number, tf: number, length: number, average: number, k1 = 1.2, b = 0.75) => {
  const tfNorm = tf / (1 - b + (b * length) / average);
  return (idf * tfNorm) / (k1 + tfNorm);
};

const tinyCorpus = () => {
  const engine = createMatchingEngine(plain);
  engine.add({ id: 'd1', owners: ['甲所'], fields: { text: 'apple banana' } });
  engine.add({ id: 'd2', owners: ['乙所'], fields: { text: 'apple apple cherry' } });
  engine.add({ id: 'd3', owners: ['甲所'], fields: { text: 'banana' } });
  return engine;
};

describe('BM25F ranking maths', () => {
  // N = 3, lengths 2, 3, 1 → average 2. idf = ln(1 + (N − df + 0.5) / (df + 0.5)).
  const idfApple = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5)); // df 2
  const idfBanana = idfApple; // df 2
  const idfCherry = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5)); // df 1

  it('scores documents as hand-computed BM25', () => {
    const { documents } = tinyCorpus().searchDocuments('apple');
    expect(documents.map((doc) => doc.id)).toEqual(['d2', 'd1']);
    expect(documents[0]?.score).toBeCloseTo(bm25(idfApple, 2, 3, 2), 12);
    expect(documents[1]?.score).toBeCloseTo(bm25(idfApple, 1, 2, 2), 12);
    // By hand: ln 1.6 = 0.470004; tf̃ = 2 / (0.25 + 0.75 · 3/2) = 1.454545; 0.470004 · 1.454545 / 2.654545
    expect(documents[0]?.score).toBeCloseTo(0.257536, 5);
  });

  it('adds term scores over query terms', () => {
    const { documents } = tinyCorpus().searchDocuments('apple cherry');
    expect(documents[0]?.id).toBe('d2');
    expect(documents[0]?.score).toBeCloseTo(bm25(idfApple, 2, 3, 2) + bm25(idfCherry, 1, 3, 2), 12);
  });

  it('aggregates an owner as best document + decay × second best', () => {
    const { owners } = tinyCorpus().search('banana apple');
    const d1 = bm25(idfBanana, 1, 2, 2) + bm25(idfApple, 1, 2, 2);
    const d3 = bm25(idfBanana, 1, 1, 2);
    const d2 = bm25(idfApple, 2, 3, 2);
    expect(owners.map((owner) => owner.owner)).toEqual(['甲所', '乙所']);
    expect(owners[0]?.score).toBeCloseTo(d1 + 0.5 * d3, 12);
    expect(owners[1]?.score).toBeCloseTo(d2, 12);
    expect(owners[0]?.documents.map((doc) => doc.share.toFixed(6))).toEqual([
      (d1 / (d1 + 0.5 * d3)).toFixed(6),
      ((0.5 * d3) / (d1 + 0.5 * d3)).toFixed(6),
    ]);
  });

  it("fuses the owner-profile model: all of an owner's documents read as one, scaled to the best owner", () => {
    const engine = createMatchingEngine({ ...plain, ownerModel: { weight: 0.4, k1: 1.2 } });
    engine.add({ id: 'd1', owners: ['甲所'], fields: { text: 'apple banana' } });
    engine.add({ id: 'd2', owners: ['乙所'], fields: { text: 'apple apple cherry' } });
    engine.add({ id: 'd3', owners: ['甲所'], fields: { text: 'banana' } });
    const documentsJia = bm25(idfBanana, 1, 2, 2) + bm25(idfApple, 1, 2, 2) + 0.5 * bm25(idfBanana, 1, 1, 2);
    const documentsYi = bm25(idfApple, 2, 3, 2);
    // Profiles: 甲所 has banana ×2 and apple ×1 over its documents, 乙所 apple ×2 (no length norm).
    const profileJia = (idfBanana * 2) / (1.2 + 2) + (idfApple * 1) / (1.2 + 1);
    const profileYi = (idfApple * 2) / (1.2 + 2);
    const scale = (0.4 * Math.max(documentsJia, documentsYi)) / Math.max(profileJia, profileYi);
    const { owners } = engine.search('banana apple');
    expect(owners.map((owner) => owner.owner)).toEqual(['甲所', '乙所']);
    expect(owners[0]?.score).toBeCloseTo(documentsJia + scale * profileJia, 12);
    expect(owners[1]?.score).toBeCloseTo(documentsYi + scale * profileYi, 12);
    expect(owners[0]?.profileShare).toBeCloseTo(
      (scale * profileJia) / (documentsJia + scale * profileJia),
      12,
    );
  });

  it('combines fields before saturating (BM25F), weighting each field', () => {
    const engine = createMatchingEngine({
      ...plain,
      fields: [
        { name: 'title', weight: 3, b: 0 },
        { name: 'text', weight: 1, b: 0 },
      ],
    });
    engine.add({ id: 'x', owners: ['甲所'], fields: { title: 'laser', text: 'laser welding' } });
    engine.add({ id: 'y', owners: ['乙所'], fields: { title: 'welding', text: 'steel' } });
    const idfLaser = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const pseudoTf = 3 * 1 + 1 * 1; // b = 0: no length normalisation
    const { documents } = engine.searchDocuments('laser');
    expect(documents).toHaveLength(1);
    expect(documents[0]?.score).toBeCloseTo((idfLaser * pseudoTf) / (1.2 + pseudoTf), 12);
  });

  it('ranks a document whose title matches above one whose body matches', () => {
    const engine = createMatchingEngine({
      ...plain,
      fields: [
        { name: 'title', weight: 2, b: 0.5 },
        { name: 'text', weight: 1, b: 0.75 },
      ],
    });
    engine.add({ id: 'body', owners: ['乙所'], fields: { title: 'steel', text: 'laser' } });
    engine.add({ id: 'head', owners: ['甲所'], fields: { title: 'laser', text: 'steel' } });
    expect(engine.search('laser').owners.map((owner) => owner.owner)).toEqual(['甲所', '乙所']);
  });
});
