import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { graphql } from '../../gql';
import type { ModelType } from '../../gql/graphql';
import { execute } from '../../lib/graphql-client';

export const MODEL_TYPES = [
  'LORA',
  'LOCON',
  'DORA',
  'CHECKPOINT',
  'TEXTUAL_INVERSION',
  'HYPERNETWORK',
  'CONTROLNET',
  'VAE',
  'UPSCALER',
  'OTHER',
] as const satisfies readonly ModelType[];

/** The browse page's filters, as they appear in its URL (invalid values are dropped rather than failing the page). */
// zod/mini: the same schemas in a fraction of the bytes (the router and its search params load with every page).
const optionalText = (max: number) =>
  z.catch(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max))), undefined);
export const browseSearch = z.object({
  type: z.catch(z.optional(z.enum(MODEL_TYPES)), undefined),
  base: optionalText(60),
  creator: optionalText(40),
  tag: optionalText(40),
});
export type BrowseSearch = z.infer<typeof browseSearch>;

export const PAGE_SIZE = 24;
/** Infinite scroll stops after this many pages (480 models) and asks for narrower filters instead. */
export const PAGE_CAP = 20;

const BrowseQuery = graphql(`
  query Browse($first: Int!, $after: String, $filter: StyleModelFilter) {
    styleModels(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        ...ModelCard
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const BaseModelsQuery = graphql(`
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
  queryOptions({ queryKey: ['baseModels'], queryFn: () => execute(BaseModelsQuery), staleTime: 10 * 60_000 });

export const browseQuery = (search: BrowseSearch) =>
  infiniteQueryOptions({
    queryKey: ['styleModels', search],
    queryFn: ({ pageParam }) =>
      execute(BrowseQuery, {
        first: PAGE_SIZE,
        after: pageParam,
        filter: { type: search.type, baseModelId: search.base, ownerHandle: search.creator, tag: search.tag },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last, pages) =>
      last.styleModels.pageInfo.hasNextPage && pages.length < PAGE_CAP
        ? last.styleModels.pageInfo.endCursor
        : undefined,
  });
