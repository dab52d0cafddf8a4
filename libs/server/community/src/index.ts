export * from './lib/community.module';
export * from './lib/community.facade';
export { CommunityErrors } from './lib/community.errors';
export type { CountedKind, Counts, Metric } from './lib/counters/counter';
