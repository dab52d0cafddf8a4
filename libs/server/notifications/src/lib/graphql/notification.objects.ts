import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { NotificationKind } from '@lookbook/core';
import { Connection, graphqlEnum, NOTIFICATION_KINDS } from '@lookbook/core';
import { EMAIL_CHOICES } from '../inbox/notification-rules';
import type { EmailChoice } from '../inbox/notification-rules';

export const NotificationKindEnum = graphqlEnum('NotificationKind', NOTIFICATION_KINDS, {
  description: 'What a notification is about; each kind has its own preference.',
});
export const EmailChoiceEnum = graphqlEnum('NotificationEmail', EMAIL_CHOICES, {
  description: 'How a kind of notification is mailed.',
  valuesMap: {
    OFF: { description: 'Never mailed.' },
    IMMEDIATE: { description: 'Mailed as it happens (a storm of one kind about one thing: once a day).' },
    DIGEST: { description: 'Collected into one mail a day.' },
  },
});

@ObjectType('NotificationActor', { description: 'Who caused a notification (the newest one, in a group).' })
export class NotificationActor {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) handle!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
}

@ObjectType({
  description:
    'One line of the notification list: a single notification, or a group of notifications of one kind about one ' +
    'thing on one day ("Ada and 39 others liked Neon Harbour"). Text is plain: render it escaped.',
})
export class Notification {
  @Field(() => ID, { description: 'The newest notification of the group; marking it read marks the whole group.' })
  id!: string;
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field({ description: 'The line to show (plain text).' }) text!: string;
  @Field({ description: 'The in-app path it links to.' }) url!: string;
  @Field(() => Int, { description: 'How many notifications the line stands for (1 for a single one).' })
  count!: number;
  @Field({ description: 'Whether every notification in the group is read.' }) read!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the newest notification of the group came.' })
  createdAt!: Date;
  @Field(() => NotificationActor, { nullable: true }) actor!: NotificationActor | null;
  @Field(() => String, { nullable: true }) subjectKind!: string | null;
  @Field(() => String, { nullable: true }) subjectId!: string | null;
}

export const NotificationConnection = Connection(Notification, 'Notification');

@ObjectType({ description: 'How you hear of one kind of notification.' })
export class NotificationPreference {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field({ description: 'Shown in the bell and on the notifications page.' }) inApp!: boolean;
  @Field(() => EmailChoiceEnum) email!: EmailChoice;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field() inApp!: boolean;
  @Field(() => EmailChoiceEnum) email!: EmailChoice;
}
