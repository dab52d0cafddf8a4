import { Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@lookbook/core';
import { toSearchIndexStatus } from '../graphql/search.mapper';
import { SearchIndexStatus } from '../graphql/search.objects';
import { SearchSyncService } from './search-sync.service';

/** Staff monitoring of the relay and the index. */
@Resolver()
export class SearchIndexStatusResolver {
  constructor(private readonly sync: SearchSyncService) {}

  @Roles('admin', 'moderator')
  @Query(() => SearchIndexStatus, { description: 'Staff: how far the search index is behind the database.' })
  async searchIndexStatus(): Promise<SearchIndexStatus> {
    return toSearchIndexStatus(await this.sync.indexStatus());
  }
}
