/** Matchmaking (产学研对接): needs, achievements, recommendations, pairings and events. */
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
