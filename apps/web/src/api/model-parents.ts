import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../gql';
import { execute } from '../lib/graphql-client';
import { modelParentKeys } from './keys';

/** A model's declared parents, as the model page and the studio's "Derived from" card show them. */
const ModelParentsQuery = graphql(`
  query PublicModelParents($modelId: UUID!) {
    modelParents(modelId: $modelId) {
      parentId
      relation
      shareBps
      parentModel {
        id
        name
        owner {
          displayName
        }
      }
    }
  }
`);

export const modelParentsQuery = (modelId: string) =>
  queryOptions({
    queryKey: modelParentKeys.of(modelId),
    queryFn: () => execute(ModelParentsQuery, { modelId }),
    staleTime: 60_000,
  });

/** How a derived model relates to its parent, as a sentence begins. */
export const RELATION: Record<string, string> = {
  MERGE: 'A merge of',
  FINETUNE: 'Fine-tuned from',
  ADAPTER: 'An adapter for',
};
