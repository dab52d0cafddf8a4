import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, mapPage } from '@lookbook/core';
import { FeedService } from './feed.service';
import { toFeedItem } from '../graphql/community.mapper';
import { FeedItem, FeedItemConnection } from '../graphql/community.objects';

@Resolver(() => FeedItem)
export class FeedResolver {
  constructor(private readonly feed: FeedService) {}

  @Query(() => FeedItemConnection, {
    description:
      'New model versions, templates and remixes from the members and IPs you follow, newest first (one ' +
      'statement per page).',
  })
  async followingFeed(@CurrentActor() viewer: Actor, @Args() args: ConnectionArgs): Promise<Page<FeedItem>> {
    return mapPage(await this.feed.page(viewer, args), toFeedItem);
  }
}
