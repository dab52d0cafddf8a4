import { Args, ArgsType, Field, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor, Page } from '@lookbook/core';
import { ConnectionArgs, CurrentActor, mapPage, UUIDScalar } from '@lookbook/core';
import { toNotification } from '../graphql/notification.mapper';
import { Notification, NotificationConnection } from '../graphql/notification.objects';
import { NotificationService } from './notification.service';

@ArgsType()
class NotificationsArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only groups with something unread.' })
  unreadOnly?: boolean | null;
}

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Query(() => NotificationConnection, {
    description: 'Your notifications, newest first, storms grouped into one line (one statement per page).',
  })
  async notifications(@CurrentActor() viewer: Actor, @Args() args: NotificationsArgs): Promise<Page<Notification>> {
    return mapPage(await this.service.page(viewer, args), toNotification);
  }

  @Query(() => Int, { description: 'How many lines of your notifications are unread (what the bell shows).' })
  unreadNotificationCount(@CurrentActor() viewer: Actor): Promise<number> {
    return this.service.unreadCount(viewer.userId);
  }

  @Mutation(() => Int, {
    description: 'Mark notifications read (each id marks its whole group; others’ ids change nothing). The new count.',
  })
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [UUIDScalar] }) ids: string[],
  ): Promise<number> {
    return this.service.markRead(actor, ids);
  }

  @Mutation(() => Int, { description: 'Mark all your notifications read. The new count (0).' })
  markAllNotificationsRead(@CurrentActor() actor: Actor): Promise<number> {
    return this.service.markAllRead(actor);
  }
}
