import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../gql';
import { execute } from '../lib/graphql-client';
import { baseModelKeys } from './keys';

/** The base models a model is built on: browse's filter names, the studio's choice, the staff list. */
const BaseModelsQuery = graphql(`
  query BaseModels {
    baseModels {
      id
      name
      ecosystem
      nonCommercial
      licenseName
    }
  }
`);

export const baseModelsQuery = () =>
  queryOptions({ queryKey: baseModelKeys.list(), queryFn: () => execute(BaseModelsQuery), staleTime: 10 * 60_000 });
