import { GENERIC_WORDS } from '../explain/generic-words.ts';

/**
 * Re-ranking from the office's decisions on earlier recommendations, for one region: "采纳对接"
 * (accept) and "不合适" (reject, with a reason). Two adjustments, both shrunk towards zero while
 * evidence is thin:
 *   - per owner: (accepts − r · rejects) / (accepts + r · rejects + shrinkage), r = rejectWeight
 *     (a rejection says less: the office turns down most of what it reviews);
 *   - per term and owner: each query word's votes for this owner (+1 per accepted need that had it,
 *     −r per rejected one), shrunk as v / (|v| + shrinkage), summed and squashed by tanh.
 * An owner's score is multiplied by exp(ownerWeight · owner part + topicWeight · term part).
 * Generic words (提升, 开发 …) cast no term votes.
 * Rejections whose reason says nothing about the owner (the need was unclear) are ignored.
 */
export type FeedbackEvent = {
  /** the need's text, as it was searched */
  need: string;
  owner: string;
  decision: 'accept' | 'reject';
  /** e.g. too_early, benefit_unclear, route_unclear, description_unclear, other */
  reason?: string;
};

export type FeedbackParams = {
  ownerWeight: number;
  topicWeight: number;
  shrinkage: number;
  rejectWeight: number;
  ignoredReasons: readonly string[];
};

export const DEFAULT_FEEDBACK: FeedbackParams = {
  // The dev replay (bench/match/replay.ts) found no owner-level gain; a light topic part only.
  ownerWeight: 0,
  topicWeight: 0.1,
  shrinkage: 2,
  rejectWeight: 0.25,
  ignoredReasons: ['description_unclear'],
};

type OwnerVotes = { accept: number; reject: number; terms: Map<string, number> };

export type FeedbackModel = {
  params: FeedbackParams;
  owners: ReadonlyMap<string, OwnerVotes>;
  events: number;
};

export const createFeedbackModel = (
  events: readonly FeedbackEvent[],
  tokenize: (text: string) => string[],
  params: Partial<FeedbackParams> = {},
): FeedbackModel => {
  const resolved = { ...DEFAULT_FEEDBACK, ...params };
  const owners = new Map<string, OwnerVotes>();
  let counted = 0;
  for (const event of events) {
    if (event.decision === 'reject' && event.reason && resolved.ignoredReasons.includes(event.reason))
      continue;
    counted++;
    let votes = owners.get(event.owner);
    if (!votes) {
      votes = { accept: 0, reject: 0, terms: new Map() };
      owners.set(event.owner, votes);
    }
    const vote = event.decision === 'accept' ? 1 : -resolved.rejectWeight;
    if (vote > 0) votes.accept++;
    else votes.reject++;
    for (const term of new Set(tokenize(event.need))) {
      if (GENERIC_WORDS.has(term)) continue;
      votes.terms.set(term, (votes.terms.get(term) ?? 0) + vote);
    }
  }
  return { params: resolved, owners, events: counted };
};

/** The multiplier of one owner's score for a query with these (whole-word) terms. */
export const feedbackFactor = (
  model: FeedbackModel,
  owner: string,
  queryTerms: readonly string[],
): number => {
  const votes = model.owners.get(owner);
  if (!votes) return 1;
  const { ownerWeight, topicWeight, shrinkage, rejectWeight } = model.params;
  const rejected = rejectWeight * votes.reject;
  const ownerPart = (votes.accept - rejected) / (votes.accept + rejected + shrinkage);
  let topic = 0;
  for (const term of new Set(queryTerms)) {
    const vote = votes.terms.get(term) ?? 0;
    topic += vote / (Math.abs(vote) + shrinkage);
  }
  const topicPart = Math.tanh(topic);
  return Math.exp(ownerWeight * ownerPart + topicWeight * topicPart);
};
