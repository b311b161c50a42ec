/**
 * Re-ranking from the office's decisions on earlier recommendations, for one region: "采纳对接"
 * (accept) and "不合适" (reject, with a reason). Two adjustments, both shrunk towards zero while
 * evidence is thin:
 *   - per owner: (accepts − rejects) / (accepts + rejects + shrinkage);
 *   - per term and owner: the share of the need's terms that were in needs accepted for this owner,
 *     minus the share in needs rejected for it, each term's votes shrunk the same way.
 * An owner's score is multiplied by exp(ownerWeight · owner part + topicWeight · term part).
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
  ignoredReasons: readonly string[];
};

export const DEFAULT_FEEDBACK: FeedbackParams = {
  ownerWeight: 0.3,
  topicWeight: 0.3,
  shrinkage: 2,
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
    const sign = event.decision === 'accept' ? 1 : -1;
    if (sign > 0) votes.accept++;
    else votes.reject++;
    for (const term of new Set(tokenize(event.need))) {
      votes.terms.set(term, (votes.terms.get(term) ?? 0) + sign);
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
  const { ownerWeight, topicWeight, shrinkage } = model.params;
  const ownerPart = (votes.accept - votes.reject) / (votes.accept + votes.reject + shrinkage);
  let topic = 0;
  for (const term of queryTerms) {
    const vote = votes.terms.get(term) ?? 0;
    topic += vote / (Math.abs(vote) + shrinkage);
  }
  const topicPart = queryTerms.length > 0 ? topic / queryTerms.length : 0;
  return Math.exp(ownerWeight * ownerPart + topicWeight * topicPart);
};
