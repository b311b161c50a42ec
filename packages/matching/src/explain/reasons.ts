import type { IndexState } from '../index/index-state.ts';
import { BIGRAM_MARK } from '../text/tokenizer.ts';
import { GENERIC_WORDS } from './generic-words.ts';

/**
 * Reasons a person can read: the whole terms (words or learned phrases) that the need and a
 * document share. Never character-bigram fragments (#工废), never function words (dropped at
 * tokenisation), never generic words of requests and abstracts (开发, 提升, 实现, 研究 — a short
 * list), never single Chinese characters, and never terms the corpus itself shows are generic
 * (found in more than `maxShare` of the documents, once the corpus has at least 200).
 */
export const REASON_MAX_SHARE = 0.05;

const HAN = /^\p{Script=Han}$/u;

export const isReasonTerm = (state: IndexState, term: string, maxShare = REASON_MAX_SHARE): boolean => {
  if (term.startsWith(BIGRAM_MARK) || GENERIC_WORDS.has(term)) return false;
  if (term.length < 2 && HAN.test(term)) return false;
  if (/^[\p{N}\p{P}]+$/u.test(term)) return false;
  if (state.liveCount < 200) return true;
  const termId = state.termIds.get(term);
  const frequency = termId === undefined ? 0 : (state.documentFrequency[termId] ?? 0);
  return frequency <= maxShare * state.liveCount;
};

/** The reason terms among a document's matched terms, strongest first, at most `limit`. */
export const reasonsOf = (
  state: IndexState,
  matches: ReadonlyArray<{ term: string; score: number }>,
  limit = 8,
): string[] => {
  const reasons: string[] = [];
  for (const { term } of [...matches].sort((a, b) => b.score - a.score)) {
    if (!isReasonTerm(state, term) || reasons.includes(term)) continue;
    reasons.push(term);
    if (reasons.length === limit) break;
  }
  return reasons;
};
