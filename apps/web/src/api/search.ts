import { infiniteQueryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { graphql } from '../gql';
import type { Maturity, ModelType } from '../gql/graphql';
import { execute } from '../lib/graphql-client';
import { searchKeys } from './keys';

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
const flag = z.catch(z.optional(z.boolean()), undefined);
/**
 * A list of words from the URL: one value, the key repeated (an array), or commas; the router's parser may have made
 * a word that looks like JSON into a number or boolean (`?not=1990`), which is read back as the word. Duplicates and
 * blanks are dropped; none left is absent.
 */
const words = z.pipe(
  z.transform((value: unknown) => {
    const values = Array.isArray(value) ? (value as unknown[]) : [value];
    const list = values
      .flatMap((v) => (['string', 'number', 'boolean'].includes(typeof v) ? String(v).split(',') : []))
      .map((word) => word.trim())
      .filter(Boolean);
    return list.length ? [...new Set(list)] : undefined;
  }),
  z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(20))),
);
export const SEARCH_SORTS = [
  'RELEVANCE',
  'NEWEST',
  'TRENDING',
  'MOST_LIKED',
  'MOST_DOWNLOADED',
  'TOP_RATED',
  'PRICE_LOW',
  'PRICE_HIGH',
] as const;
export const browseSearch = z.object({
  q: optionalText(200),
  /** Style models or workflow templates only (absent: both). */
  kind: z.catch(z.optional(z.enum(['model', 'template'])), undefined),
  type: z.catch(z.optional(z.enum(MODEL_TYPES)), undefined),
  base: optionalText(60),
  creator: optionalText(40),
  tag: optionalText(40),
  /** Excluded tags, as words: `?not=landscape`, repeated (`&not=night`) or comma-separated (`?not=landscape,night`). */
  not: z.catch(z.optional(words), undefined),
  price: z.catch(z.optional(z.enum(['free', 'paid'])), undefined),
  commercial: flag,
  derivatives: flag,
  nocredit: flag,
  /** Include mature and explicit models (off: the default maturity, shown as a removable chip). */
  mature: flag,
  sort: z.catch(z.optional(z.enum(SEARCH_SORTS)), undefined),
});
export type BrowseSearch = z.infer<typeof browseSearch>;

export const PAGE_SIZE = 24;
/** Infinite scroll stops after this many pages (480 models) and asks for narrower filters instead. */
export const PAGE_CAP = 20;

const BrowseQuery = graphql(`
  query Browse(
    $query: String
    $filters: SearchFilterInput
    $exclude: SearchExcludeInput
    $sort: SearchSort
    $first: Int!
    $after: String
    $withFacets: Boolean!
  ) {
    search(query: $query, filters: $filters, exclude: $exclude, sort: $sort, first: $first, after: $after) {
      total
      hasNextPage
      endCursor
      didYouMean
      droppedWords
      hashMatch
      maturity
      hits {
        kind
        counts {
          likes
          downloads
          rating
          ratingCount
        }
        price {
          free
          cheapestPaid {
            tier
            amount
            currency
          }
        }
        model {
          id
          ...ModelCard
        }
        template {
          id
          ...TemplateCard
        }
        highlights {
          field
          segments {
            text
            match
          }
        }
      }
      facets @include(if: $withFacets) {
        facet
        values {
          value
          count
        }
      }
      creators(first: 4) @include(if: $withFacets) {
        handle
        name
        models
        templates
      }
    }
  }
`);

/** The URL's search state as the API's search arguments. */
export function searchVariables(search: BrowseSearch) {
  return {
    query: search.q ?? null,
    filters: {
      kinds: search.kind ? [search.kind === 'model' ? ('MODEL' as const) : ('TEMPLATE' as const)] : null,
      types: search.type ? [search.type] : null,
      baseModels: search.base ? [search.base] : null,
      tags: search.tag ? [search.tag] : null,
      creator: search.creator ?? null,
      free: search.price === 'free' ? true : search.price === 'paid' ? false : null,
      commercialUse: search.commercial ? true : null,
      derivativesAllowed: search.derivatives ? true : null,
      creditRequired: search.nocredit ? false : null,
      maturity: search.mature ? (['SFW', 'SUGGESTIVE', 'MATURE', 'EXPLICIT'] as Maturity[]) : null,
    },
    exclude: { tags: search.not ?? null },
    sort: search.sort ?? null,
  };
}

/** Pages of results; the first page also carries the facet counts. */
export const browseQuery = (search: BrowseSearch) =>
  infiniteQueryOptions({
    queryKey: searchKeys.results(search),
    queryFn: ({ pageParam }) =>
      execute(BrowseQuery, { ...searchVariables(search), first: PAGE_SIZE, after: pageParam, withFacets: !pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last, pages) =>
      last.search.hasNextPage && pages.length < PAGE_CAP ? last.search.endCursor : undefined,
  });
