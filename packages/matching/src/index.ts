/**
 * @gaodi/matching — ranks institutes (owners) for an enterprise technology need written in Chinese,
 * with the documents (achievements, experts, papers) that carried each one and why.
 *
 * Pure: no database, HTTP or file system. Create an engine, feed it documents one at a time or in
 * a batch, search it, and persist it with `serialize` / `loadMatchingEngine`:
 *
 * ```ts
 * const engine = createMatchingEngine();
 * engine.addMany(achievements);
 * const { owners } = engine.search('大蒜深加工中蒜氨酸的高效提取与稳定化技术', { top: 10, explain: true });
 * const needs = engine.searchDocuments({ owner: '山东农业大学' }, { filters: { tags: ['kind:need'] } });
 * const restored = loadMatchingEngine(engine.serialize());
 * ```
 */
export {
  createMatchingEngine,
  DEFAULT_FIELDS,
  type DocumentMatch,
  type DocumentSearchResult,
  type EngineOptions,
  type FieldOptions,
  type FieldValue,
  type LearnedStatus,
  loadMatchingEngine,
  type MatchDocument,
  type MatchingEngine,
  type MatchQuery,
  type OwnerDocument,
  type OwnerMatch,
  type OwnerSearchResult,
  type QueryTerm,
  type ResolvedOptions,
  type SearchFilters,
  type SearchOptions,
  type TermMatch,
} from './engine.ts';
export {
  createFeedbackModel,
  DEFAULT_FEEDBACK,
  type FeedbackEvent,
  type FeedbackModel,
  type FeedbackParams,
} from './rank/feedback.ts';
export { normalizeText } from './text/normalize.ts';
export type { SegmentationMode } from './text/tokenizer.ts';
