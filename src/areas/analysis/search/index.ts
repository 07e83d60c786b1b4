/**
 * The narrative search of the committee's analysis: its page, the indexing the analysis poller
 * calls when new versions have been analysed, and the full re-index (seed, ISU).
 */
export { registerSearchRoutes } from './routes.tsx';
export { indexReport, indexNewVersions, reindexAllSearchDocuments, type IndexOutcome } from './search-commands.ts';
export { canSearchNarratives } from './policy.ts';
