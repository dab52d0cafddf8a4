import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, Public } from '@lookbook/core';
import { SearchExcludeInput, SearchFilterInput } from '../graphql/search.inputs';
import { toFacetValueCount, toSuggestion } from '../graphql/search.mapper';
import { FacetValueCount, SearchFacetEnum, Suggestion } from '../graphql/search.objects';
import { SearchService } from './search.service';

/** What a search box offers while someone types: suggestions, and one facet's values by prefix. */
@Resolver()
export class AutocompleteResolver {
  constructor(private readonly searches: SearchService) {}

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
    return counts.map(toFacetValueCount);
  }

  @Public()
  @Query(() => [Suggestion], { description: 'Autocomplete: models, tags and creators starting with the prefix.' })
  async suggest(@Args('prefix') prefix: string): Promise<Suggestion[]> {
    return (await this.searches.suggest(prefix)).map(toSuggestion);
  }
}
