export * from './lib/workflows/workflow-import';
