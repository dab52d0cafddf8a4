export * from './lib/split-plan';
