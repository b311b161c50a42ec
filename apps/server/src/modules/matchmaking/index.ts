/** Matchmaking (产学研对接): needs, achievements, recommendations, pairings and events. */
export { createMatchIndex, MATCH_INDEX_FORMAT, type MatchIndex, readSnapshotParts } from './match-index.ts';
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
