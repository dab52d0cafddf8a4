import { Args, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, Public, Roles } from '@lookbook/core';
import { requestedFacets } from './graphql/requested-facets';
import { SearchExcludeInput, SearchFilterInput } from './graphql/search.inputs';
import {
  FacetCounts,
  FacetValueCount,
  SearchFacetEnum,
  SearchCreator,
  SearchResult,
  SearchIndexStatus,
  SearchSortEnum,
  Suggestion,
} from './graphql/search.objects';
import type { SearchSort } from './query/search-request';
import { SearchService } from './search.service';
import { SearchSyncService } from './sync/search-sync.service';

@Resolver(() => SearchResult)
export class SearchResolver {
  constructor(
    private readonly searches: SearchService,
    private readonly sync: SearchSyncService,
  ) {}

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
    return this.searches.search({ query, filters: filter, exclude, sort, first, after }, viewer, requestedFacets(info));
  }

  @ResolveField(() => [FacetCounts], {
    description: "Counts per facet value. A facet's own filter does not narrow its counts; every other filter does.",
  })
  async facets(
    @Parent() result: SearchResult,
    @Args('facets', { type: () => [SearchFacetEnum], nullable: true }) facets?: string[],
  ): Promise<FacetCounts[]> {
    const counts = await this.searches.facets(result, facets);
    return [...counts].map(([facet, values]) => ({
      facet,
      values: values.map(({ value, count }) => ({ value, count })),
    }));
  }

  @ResolveField(() => [SearchCreator], {
    description: 'Creators whose handle or name matches the query (none without a query); at most 12.',
  })
  creators(
    @Parent() result: SearchResult,
    @Args('first', { type: () => Int, defaultValue: 3 }) first: number,
  ): Promise<SearchCreator[]> {
    return this.searches.creators(result.request, first);
  }

  @Public()
  @Query(() => [FacetValueCount], { description: "Search inside one facet's values (by prefix), within a search." })
  async facetValues(
    @Args('facet', { type: () => SearchFacetEnum }) facet: string,
    @Args('prefix') prefix: string,
    @Args('query', { nullable: true }) query?: string,
    @Args('filters', { nullable: true }) filter?: SearchFilterInput,
    @Args('exclude', { nullable: true }) exclude?: SearchExcludeInput,
    @CurrentActor() viewer?: Actor,
  ): Promise<FacetValueCount[]> {
    const counts = await this.searches.facetValues(facet, prefix, { query, filters: filter, exclude }, viewer);
    return counts.map(({ value, count }) => ({ value, count }));
  }

  @Public()
  @Query(() => [Suggestion], { description: 'Autocomplete: models, tags and creators starting with the prefix.' })
  async suggest(@Args('prefix') prefix: string): Promise<Suggestion[]> {
    return this.searches.suggest(prefix);
  }

  @Roles('admin', 'moderator')
  @Query(() => SearchIndexStatus, { description: 'Staff: how far the search index is behind the database.' })
  async searchIndexStatus(): Promise<SearchIndexStatus> {
    return { ...(await this.sync.status()), documents: await this.searches.documentCount() };
  }
}
