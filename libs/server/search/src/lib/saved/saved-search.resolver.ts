import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, UUIDScalar } from '@lookbook/core';
import { toSavedSearch } from '../graphql/saved-search.mapper';
import { SavedSearch } from '../graphql/saved-search.objects';
import { SearchExcludeInput, SearchFilterInput } from '../graphql/search.inputs';
import { SearchSortEnum } from '../graphql/search.objects';
import type { SearchSort } from '../query/search-request';
import { SavedSearchService } from './saved-search.service';

/** A member's saved searches. */
@Resolver(() => SavedSearch)
export class SavedSearchResolver {
  constructor(private readonly saved: SavedSearchService) {}

  @Query(() => [SavedSearch], { description: 'Your saved searches, newest first.' })
  async savedSearches(@CurrentActor() actor: Actor): Promise<SavedSearch[]> {
    return (await this.saved.list(actor)).map(toSavedSearch);
  }

  @Mutation(() => SavedSearch, {
    description:
      'Save a search (the same arguments as `search`, checked the same way) to be told of new matches. Saving the ' +
      'same search again answers the one saved. At most 25.',
  })
  async saveSearch(
    @CurrentActor() actor: Actor,
    @Args('name', { nullable: true, description: 'At most 80 characters; absent: made from the search.' })
    name?: string,
    @Args('query', { nullable: true }) query?: string,
    @Args('filters', { nullable: true }) filters?: SearchFilterInput,
    @Args('exclude', { nullable: true }) exclude?: SearchExcludeInput,
    @Args('sort', { type: () => SearchSortEnum, nullable: true }) sort?: SearchSort,
  ): Promise<SavedSearch> {
    return toSavedSearch(await this.saved.save(actor, { query, filters, exclude, sort }, name));
  }

  @Mutation(() => SavedSearch, { description: 'Rename one of your saved searches.' })
  async renameSavedSearch(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
    @Args('name') name: string,
  ): Promise<SavedSearch> {
    return toSavedSearch(await this.saved.rename(actor, id, name));
  }

  @Mutation(() => Boolean, { description: 'Delete one of your saved searches (false: it was already gone).' })
  deleteSavedSearch(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => UUIDScalar }) id: string,
  ): Promise<boolean> {
    return this.saved.delete(actor, id);
  }
}
