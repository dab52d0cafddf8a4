export * from './lib/templates.module';
export * from './lib/workflows/workflow-import';
export * from './lib/lineage/remix-terms';
export * from './lib/lineage/royalty-cascade';
