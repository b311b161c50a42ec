import { describe, expect, it } from 'vitest';
import { createMatchingEngine, loadMatchingEngine, type MatchDocument } from './engine.ts';
import { createFeedbackModel } from './rank/feedback.ts';

// A small corpus of 8 institutes × 30 papers, each institute with its own topic words, enough for
// the engine to learn its confidence calibration from leave-one-out searches.
const topics: Array<[string, string[]]> = [
  ['山东农业大学', ['大蒜', '蒜氨酸', '黑蒜', '大葱', '马铃薯', '小麦']],
  ['江南大学', ['微胶囊', '发酵', '乳酸菌', '酶制剂', '啤酒', '酱油']],
  ['哈尔滨工业大学', ['激光焊接', '焊缝', '钛合金', '航天器', '机器人', '复合材料']],
  ['中国海洋大学', ['海藻', '海参', '对虾', '赤潮', '海水养殖', '鱼类']],
  ['浙江大学', ['茶叶', '水稻', '蚕桑', '柑橘', '竹笋', '杨梅']],
  ['华中科技大学', ['激光器', '光纤', '芯片', '传感器', '半导体', '电池']],
  ['四川农业大学', ['生猪', '饲料', '猪瘟', '兔肉', '牦牛', '魔芋']],
  ['中国矿业大学', ['煤矿', '瓦斯', '巷道', '采空区', '矸石', '矿井水']],
];
const corpus: MatchDocument[] = topics.flatMap(([owner, words], t) =>
  Array.from({ length: 30 }, (_, i) => {
    const a = words[i % 6] as string;
    const b = words[(i * 5 + 1) % 6] as string;
    const other = topics[(t + 1 + (i % 7)) % 8]?.[1][i % 6] as string;
    return {
      id: `${t}-${i}`,
      owners: [owner],
      fields: {
        title: `${a}与${b}的开发研究第${i}号`,
        keywords: [a, b],
        text: `本文提升了${a}的实现效率，并比较${b}和${i % 4 === 0 ? other : a}的加工过程。`,
      },
    };
  }),
);

describe('learned parts: calibrated confidence, readable reasons, feedback', () => {
  const engine = createMatchingEngine();
  engine.addMany(corpus);

  it('learns its calibration from the documents at addMany and reports how fresh it is', () => {
    expect(engine.learned()).toMatchObject({
      calibrated: true,
      documents: 240,
      changesSince: 0,
      stale: false,
    });
    const { owners } = engine.search('蒜氨酸和黑蒜的深加工', { top: 5 });
    expect(owners[0]?.owner).toBe('山东农业大学');
    for (const owner of owners) expect(owner.confidence).toBeGreaterThanOrEqual(0);
    expect(owners[0]?.confidence ?? 0).toBeGreaterThan(owners[4]?.confidence ?? 1);
    engine.update({ ...(corpus[0] as MatchDocument) });
    expect(engine.learned().changesSince).toBe(2);
  });

  it('stops at good matches when asked for a confidence floor', () => {
    const all = engine.search('蒜氨酸和黑蒜的深加工', { top: 8 }).owners;
    const floor = all[0]?.confidence ?? 0;
    const good = engine.search('蒜氨酸和黑蒜的深加工', { top: 8, minConfidence: floor }).owners;
    expect(good.map((o) => o.owner)).toEqual(['山东农业大学']);
  });

  it('gives reasons that are whole shared words, never bigram fragments or generic words', () => {
    const { owners } = engine.search('我们想提升大蒜蒜氨酸的开发和实现效率', { top: 1, explain: true });
    const reasons = owners[0]?.reasons ?? [];
    expect(reasons).toContain('蒜氨酸');
    for (const reason of reasons) {
      expect(reason.startsWith('#')).toBe(false);
      expect(['提升', '开发', '实现', '效率', '我们']).not.toContain(reason);
    }
    expect(owners[0]?.documents[0]?.reasons?.length).toBeGreaterThan(0);
  });

  it('keeps its calibration through serialize and load', () => {
    const again = loadMatchingEngine(engine.serialize());
    expect(again.learned().calibrated).toBe(true);
    expect(again.search('海参与对虾养殖').owners).toEqual(engine.search('海参与对虾养殖').owners);
  });

  it('re-ranks with the office decisions: accepted owners rise, reasons about the need are ignored', () => {
    const query = '激光焊接与激光器';
    const before = engine.search(query, { top: 3 }).owners.map((o) => o.owner);
    const second = before[1] as string;
    const feedback = createFeedbackModel(
      [
        { need: '激光焊接的变形控制', owner: second, decision: 'accept' },
        { need: '激光器焊接', owner: second, decision: 'accept' },
        { need: '激光焊接', owner: before[0] as string, decision: 'reject', reason: 'description_unclear' },
      ],
      engine.tokenize,
      { ownerWeight: 1, topicWeight: 1 },
    );
    expect(feedback.events).toBe(2);
    const after = engine.search(query, { top: 3, feedback }).owners.map((o) => o.owner);
    expect(after[0]).toBe(second);
  });

  it('excludes given documents from the evidence', () => {
    const { documents } = engine.searchDocuments('蒜氨酸', {
      top: 50,
      filters: { excludeDocuments: ['0-1'] },
    });
    expect(documents.map((d) => d.id)).not.toContain('0-1');
    expect(documents.length).toBeGreaterThan(0);
  });

  it('does not pretend to be calibrated on a tiny corpus', () => {
    const small = createMatchingEngine();
    small.addMany(corpus.slice(0, 20));
    expect(small.learned()).toMatchObject({ calibrated: false, stale: true });
    expect(small.search('大蒜').owners[0]?.confidence).toBeUndefined();
  });
});
