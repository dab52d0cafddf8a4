export * from './lib/templates.module';
export * from './lib/workflows/workflow-import';
export * from './lib/lineage/remix-terms';
export * from './lib/lineage/royalty-cascade';
export * from './lib/sales/royalty-lineage.service';
export { templateUrn } from './lib/sales/template-subjects';
