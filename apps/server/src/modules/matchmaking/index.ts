/** Matchmaking (产学研对接): needs, achievements, recommendations, pairings and events. */
export { createMatchIndex, type MatchIndex } from './match-index.ts';
export { MATCH_INDEX_FORMAT, readSnapshotParts } from './match-snapshot.ts';
export type { MatchmakingDeps } from './matchmaking.deps.ts';
export { matchmakingRoutes } from './matchmaking.routes.ts';
export {
  achievements,
  eventItems,
  eventParticipants,
  matchChanges,
  matchIndexSnapshots,
  matchmakingEvents,
  needPairings,
  recommendationRejections,
  techNeeds,
} from './matchmaking.table.ts';
export { contractNeedIn } from './operations/contract-need.ts';
