export * from './lib/templates.module';
export * from './lib/workflows/workflow-import';
export * from './lib/lineage/remix-terms';
export * from './lib/lineage/royalty-cascade';
export { templateUrn } from './lib/sales/template-subjects';
export { TemplatesFacade } from './lib/templates.facade';
export { WorkflowTemplate } from './lib/graphql/template.objects';
export { SubjectUnion } from './lib/graphql/subject.objects';
export type { SubjectObject } from './lib/graphql/subject.objects';
