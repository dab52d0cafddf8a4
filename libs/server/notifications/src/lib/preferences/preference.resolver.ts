import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor } from '@lookbook/core';
import { NotificationPreference, NotificationPreferenceInput } from '../graphql/notification.objects';
import { PreferenceService } from './preference.service';

@Resolver(() => NotificationPreference)
export class PreferenceResolver {
  constructor(private readonly preferences: PreferenceService) {}

  @Query(() => [NotificationPreference], {
    description: 'How you hear of each kind of notification (your choice, or the default).',
  })
  notificationPreferences(@CurrentActor() viewer: Actor): Promise<NotificationPreference[]> {
    return this.preferences.of(viewer.userId);
  }

  @Mutation(() => [NotificationPreference], {
    description: 'Change how you hear of some kinds (each kind at most once); returns every kind.',
  })
  updateNotificationPreferences(
    @CurrentActor() actor: Actor,
    @Args('preferences', { type: () => [NotificationPreferenceInput] }) preferences: NotificationPreferenceInput[],
  ): Promise<NotificationPreference[]> {
    return this.preferences.update(actor, preferences);
  }
}
