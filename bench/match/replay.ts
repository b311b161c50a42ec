import { createMatchingEngine, type MatchingEngine } from '../../packages/matching/src/engine.ts';
import {
  createFeedbackModel,
  type FeedbackEvent,
  type FeedbackParams,
} from '../../packages/matching/src/rank/feedback.ts';
import { loadDev, type Metrics, metrics, type Query, TRACKS } from './dev-data.ts';

/**
 * Replay of the office's decisions on the dev split, per track. Queries in file order; the first
 * half is "past": the office looked at the top 5 of each and accepted the right institutes
 * (采纳对接) and turned the others down (不合适, reason benefit_unclear). The second half is
 * measured without and with the feedback model built from those decisions. The feedback weights
 * are chosen by 2-fold replay inside the first half only (first quarter feeds, second quarter
 * scores, and the reverse), never on the half that is reported.
 *   npx tsx bench/match/replay.ts
 */
const REVIEWED = 5;
const { docs, queries, qrels } = loadDev();
const engine = createMatchingEngine();
engine.addMany(docs);

const decisions = (list: readonly Query[]): FeedbackEvent[] =>
  list.flatMap(({ id, text }) => {
    const relevant = qrels.get(id) ?? new Map();
    return engine
      .search(text, { top: REVIEWED })
      .owners.map(
        ({ owner }): FeedbackEvent =>
          relevant.has(owner)
            ? { need: text, owner, decision: 'accept' }
            : { need: text, owner, decision: 'reject', reason: 'benefit_unclear' },
      );
  });

const run = (
  e: MatchingEngine,
  list: readonly Query[],
  events: FeedbackEvent[],
  params?: Partial<FeedbackParams>,
) => {
  const feedback = events.length > 0 ? createFeedbackModel(events, e.tokenize, params) : undefined;
  const ranked = new Map(
    list.map(({ id, text }) => [id, e.search(text, { top: 10, feedback }).owners.map((o) => o.owner)]),
  );
  return metrics(
    qrels,
    ranked,
    list.map(({ id }) => id),
  );
};

const grid: Partial<FeedbackParams>[] = [];
for (const ownerWeight of [0, 0.2]) {
  for (const topicWeight of [0, 0.1, 0.2, 0.4]) {
    for (const rejectWeight of [0.25, 1]) grid.push({ ownerWeight, topicWeight, rejectWeight });
  }
}
const fmt = (m: Metrics) =>
  `${m['nDCG@10'].toFixed(4)} / ${m['R@10'].toFixed(4)} / ${m['MRR@10'].toFixed(4)}`;

console.log(
  'track | events (accept/reject) | chosen (owner, topic, reject) | second half without | with | gain nDCG@10',
);
for (const track of TRACKS) {
  const list = queries(track);
  const half = Math.floor(list.length / 2);
  const past = list.slice(0, half);
  const future = list.slice(half);
  const quarter = Math.floor(half / 2);
  const folds = [
    [past.slice(0, quarter), past.slice(quarter)],
    [past.slice(quarter), past.slice(0, quarter)],
  ] as const;
  const foldEvents = folds.map(([feed]) => decisions(feed));
  let best = grid[0] as Partial<FeedbackParams>;
  let bestScore = -1;
  for (const params of grid) {
    const score = folds.reduce(
      (sum, [, scored], fold) => sum + run(engine, scored, foldEvents[fold] ?? [], params)['nDCG@10'],
      0,
    );
    if (score > bestScore) {
      bestScore = score;
      best = params;
    }
  }
  const events = decisions(past);
  const accepted = events.filter((e) => e.decision === 'accept').length;
  const without = run(engine, future, []);
  const withFeedback = run(engine, future, events, best);
  console.log(
    `${track} | ${accepted}/${events.length - accepted} | ${best.ownerWeight}, ${best.topicWeight}, ${best.rejectWeight} | ${fmt(without)} | ${fmt(withFeedback)} | ${(withFeedback['nDCG@10'] - without['nDCG@10']).toFixed(4)} (×${(withFeedback['nDCG@10'] / without['nDCG@10']).toFixed(3)})`,
  );
}
