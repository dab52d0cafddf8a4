import { Args, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, Public } from '@lookbook/core';
import { requestedFacets } from '../graphql/requested-facets';
import { SearchExcludeInput, SearchFilterInput } from '../graphql/search.inputs';
import { toFacetCounts, toSearchCreator, toSearchResult } from '../graphql/search.mapper';
import { FacetCounts, SearchCreator, SearchFacetEnum, SearchResult, SearchSortEnum } from '../graphql/search.objects';
import type { SearchSort } from './search-request';
import { SearchService } from './search.service';

/** The search itself, with its facet counts and matching creators. */
@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(private readonly searches: SearchService) {}

  @Public()
  @Query(() => SearchResult, {
    description:
      'Published models and workflow templates matching a query (typo-tolerant; a SHA-256 or AutoV2 finds its ' +
      'model exactly), filtered, with exclusions, sorted. Facet counts on the result.',
  })
  async search(
    @Info() info: GraphQLResolveInfo,
    @Args('query', { nullable: true }) query?: string,
    @Args('filters', { nullable: true }) filter?: SearchFilterInput,
    @Args('exclude', { nullable: true }) exclude?: SearchExcludeInput,
    @Args('sort', { type: () => SearchSortEnum, nullable: true }) sort?: SearchSort,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @CurrentActor() viewer?: Actor,
  ): Promise<SearchResult> {
    return toSearchResult(
      await this.searches.search(
        { query, filters: filter, exclude, sort, first, after },
        viewer,
        requestedFacets(info),
      ),
    );
  }

  @ResolveField(() => [FacetCounts], {
    description: "Counts per facet value. A facet's own filter does not narrow its counts; every other filter does.",
  })
  async facets(
    @Parent() result: SearchResult,
    @Args('facets', { type: () => [SearchFacetEnum], nullable: true }) facets?: string[],
  ): Promise<FacetCounts[]> {
    return toFacetCounts(await this.searches.facets(result, facets));
  }

  @ResolveField(() => [SearchCreator], {
    description: 'Creators whose handle or name matches the query (none without a query); at most 12.',
  })
  async creators(
    @Parent() result: SearchResult,
    @Args('first', { type: () => Int, defaultValue: 3 }) first: number,
  ): Promise<SearchCreator[]> {
    return (await this.searches.creators(result.request, first)).map(toSearchCreator);
  }
}
