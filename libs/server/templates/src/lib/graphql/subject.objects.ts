import { createUnionType } from '@nestjs/graphql';
import { StyleModel } from '@lookbook/catalog';
import { WorkflowTemplate } from './template.objects';

/** What was licensed or sold, as the API shows it. */
export type SubjectObject = StyleModel | WorkflowTemplate;

/**
 * The GraphQL face of licensing's `Subject`: one union wherever a licence, an order line or a sale names what it is
 * for. Defined here, the lowest domain that sees both kinds (licensing and the catalog sit below templates).
 */
export const SubjectUnion = createUnionType({
  name: 'Subject',
  description: 'What a licence, an order line or a sale is for: a style model, or a workflow template.',
  types: () => [StyleModel, WorkflowTemplate] as const,
  resolveType: (value: SubjectObject) => (value instanceof WorkflowTemplate ? WorkflowTemplate : StyleModel),
});
