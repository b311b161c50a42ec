import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The need-style dev track: each held-out paper's goal rewritten by fixed rules into the way an
 * enterprise states a problem ("我们想……，目前……，希望找到有相关技术积累的团队合作。").
 * Deterministic, built at bench time from ../shared/data/match/papers.jsonl for the dev query ids
 * only (never written into the repository, never read by the engine). No labels leak: the paper's
 * institute names are cut out of the text, and the engine never sees the held-out paper.
 *
 * Rules, in order:
 *  1. Goal: the 【目的】 section if the abstract has one; else the first sentence that states an aim
 *     (目的/旨在/为了/探讨/本文/本研究/研究了); else the first sentence.
 *  2. Situation: the 【背景】/【应用背景】 section, else the first other sentence that names a problem
 *     (问题/不足/难以/缺乏/困难/瓶颈/限制/亟需/尚未/制约).
 *  3. Academic phrasing out: section tags, parentheses, Latin-only abbreviations in brackets,
 *     numbers with units and percentages, lead-ins (本文/本研究/为了/旨在/目的是/通过/利用/基于…,
 *     研究了/探讨了/分析了 → 研究/探讨/分析), and 结果表明-style clauses.
 *  4. Each part cut at a clause boundary to at most 60 characters, then framed.
 */
type Paper = { id: string; abstract: string; institutes: string[] };

const SECTION = /【([^】]{1,6})】([^【]*)/g;
const AIM = /目的|旨在|为了|探讨|本文|本研究|研究了|拟/;
const PROBLEM = /问题|不足|难以|缺乏|困难|瓶颈|限制|亟需|亟待|尚未|制约|不能|无法/;
const FINDING = /结果|表明|证明|说明|显示|实验|可以|能够|有效/;
const VERB_FIRST =
  /^(?:研究|探讨|分析|了解|明确|揭示|评价|评估|建立|构建|设计|开发|提出|提高|改善|解决|实现|优化|筛选|制备|获得|寻找|找出|搭建|考察|比较|确定|探索|验证|阐明|掌握|发展|降低|减少|提升|利用|观察|调查|检测|测定|预测|识别|监测|改进|设计|完善|引入|推广|以)/;
const LEAD_INS = [
  /^(?:本文|本研究|该研究|本试验|本实验|本课题|笔者|作者|我们)(?:主要|首先)?/,
  /^(?:的)?(?:目的(?:是|在于|为)?|旨在|为了|拟|试图|力图|以期)[:：，,]?/,
  /^(?:通过|利用|采用|基于|运用|结合)[^，,。]{0,30}?[，,]/,
  /^(?:进而|进一步|首先|同时|此外|另外)/,
];

const sentences = (text: string): string[] =>
  text
    .split(/(?<=[。；;！？!?])|(?<=\.)(?=\s|$)/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 6);

const clean = (text: string, institutes: readonly string[]): string => {
  let out = text
    .replace(/【[^】]*】/g, '')
    .replace(/[（(][^（）()]{0,40}[）)]/g, '')
    .replace(/[\d.]+\s*(?:%|％|mg|g|kg|ml|mL|L|cm|mm|m|km|nm|℃|°C|d|h|min|s|个|种|份|例|只|株|篇|家)/g, '')
    .replace(/(?:结果|研究|分析)?(?:表明|显示|发现)[:：，,]?/g, '')
    .replace(/(研究|探讨|分析|考察|比较|评价|建立|构建|设计)了/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  for (const institute of institutes) out = out.split(institute).join('');
  for (let changed = true; changed; ) {
    const before = out;
    for (const pattern of LEAD_INS) out = out.replace(pattern, '').trim();
    changed = out !== before;
  }
  out = out
    .replace(/^针对/, '解决')
    .replace(/^(提出|建立|搭建|开发|设计|构建|研制|建成|完成)了/, '$1')
    .replace(/[。；;.!！?？,，、:：\s]+$/u, '')
    .replace(/^[，,、:：\s]+/u, '');
  return out;
};

const cut = (text: string, limit = 60): string => {
  if (text.length <= limit) return text;
  const clauses = text.split(/(?<=[，,；;])/);
  let out = '';
  for (const clause of clauses) {
    if (out.length + clause.length > limit) break;
    out += clause;
  }
  return (out || text.slice(0, limit)).replace(/[，,；;]+$/, '');
};

export const needQuery = (paper: Paper): string => {
  const sections = new Map<string, string>();
  for (const [, name, body] of paper.abstract.matchAll(SECTION)) {
    if (name && body && !sections.has(name)) sections.set(name, body.trim());
  }
  const all = sentences(paper.abstract.replace(/【[^】]*】/g, '\n'));
  const goalText = sections.get('目的') ?? all.find((s) => AIM.test(s)) ?? all[0] ?? paper.abstract;
  const situationText =
    sections.get('应用背景') ??
    sections.get('背景') ??
    all.find((s) => s !== goalText && PROBLEM.test(s) && !AIM.test(s) && !FINDING.test(s));
  const aim = clean(goalText, paper.institutes);
  const goal = cut(aim && !VERB_FIRST.test(aim) && !aim.startsWith('解决') ? `了解${aim}` : aim);
  const situation = situationText ? cut(clean(situationText, paper.institutes), 50) : '';
  const parts = [`我们想${goal || '找到解决方案'}`];
  if (situation) parts.push(`目前${situation}`);
  parts.push('希望找到有相关技术积累的团队合作。');
  return parts.join('，');
};

/** Writes queries-need.jsonl for the dev query ids into `out`; returns its path. */
export const writeNeedQueries = (dataDir: string, out: string): string => {
  const ids = readFileSync(join(dataDir, 'dev', 'queries-title.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
  const wanted = new Set(ids);
  const papers = new Map<string, Paper>();
  for (const line of readFileSync(join(dataDir, 'papers.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const paper = JSON.parse(line) as Paper;
    if (wanted.has(paper.id)) papers.set(paper.id, paper);
  }
  const lines = ids.flatMap((id) => {
    const paper = papers.get(id);
    return paper ? [JSON.stringify({ id, text: needQuery(paper) })] : [];
  });
  const file = join(out, 'queries-need.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};
