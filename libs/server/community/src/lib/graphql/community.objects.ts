import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, graphqlEnum, SafeIntScalar } from '@lookbook/core';
import { FEED_VERBS } from '../feed/feed.repository';
import type { FeedVerb } from '../feed/feed.repository';
import { PROFILE_IMAGE_SLOTS } from '../profiles/profile';
import { FOLLOWABLE_KINDS, LIKEABLE_KINDS } from '../subjects/subject';
import type { FollowableKind, LikeableKind } from '../subjects/subject';

export const LikeSubjectKindEnum = graphqlEnum('LikeSubjectKind', LIKEABLE_KINDS, {
  description: 'What can be liked: a model, a workflow template or a sample image.',
});
export const FollowTargetKindEnum = graphqlEnum('FollowTargetKind', FOLLOWABLE_KINDS, {
  description: 'What can be followed: a member or an IP.',
});
export const ProfileImageSlotEnum = graphqlEnum('ProfileImageSlot', PROFILE_IMAGE_SLOTS);
export const FeedVerbEnum = graphqlEnum('FeedVerb', FEED_VERBS, {
  valuesMap: {
    MODEL_VERSION_PUBLISHED: { description: 'A new version of a model (its first publishes the model).' },
    TEMPLATE_PUBLISHED: { description: 'A new workflow template.' },
    TEMPLATE_VERSION_PUBLISHED: { description: 'A new version of a workflow template.' },
    REMIX_PUBLISHED: { description: 'A remix of another template.' },
  },
});

@ObjectType({ description: 'A WebP rendition of a profile image, for `srcset`.' })
export class ProfileThumbnail {
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field() url!: string;
}

@ObjectType({ description: 'An avatar or a cover: public, content-addressed, metadata stripped.' })
export class ProfileImage {
  @Field() url!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field({ description: 'A BlurHash to paint while the image loads.' }) placeholder!: string;
  @Field(() => [ProfileThumbnail], { description: 'Narrowest first.' }) thumbnails!: ProfileThumbnail[];
}

@ObjectType()
export class ProfileLink {
  @Field() label!: string;
  @Field({ description: 'An absolute http(s) URL.' }) url!: string;
}

@ObjectType({ description: 'Counts kept as the community changes (never counted on read).' })
export class ProfileStats {
  @Field(() => SafeIntScalar) followers!: number;
  @Field(() => SafeIntScalar) following!: number;
  @Field(() => SafeIntScalar, { description: 'Published models.' }) models!: number;
  @Field(() => SafeIntScalar, { description: 'Published workflow templates.' }) templates!: number;
  @Field(() => SafeIntScalar, { description: 'Downloads of their models.' }) downloads!: number;
  @Field(() => SafeIntScalar, { description: 'Likes of their models, templates and images.' }) likesReceived!: number;
  @Field(() => SafeIntScalar, {
    nullable: true,
    description: 'Licences sold: null unless the creator chose to show it (always shown to the creator).',
  })
  licensesSold!: number | null;
}

@ObjectType({ description: 'A member’s public profile.' })
export class Profile {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
  @Field({ description: 'Plain text (never markup); may span lines.' }) bio!: string;
  @Field(() => [ProfileLink]) links!: ProfileLink[];
  @Field(() => ProfileImage, { nullable: true }) avatar!: ProfileImage | null;
  @Field(() => ProfileImage, { nullable: true }) cover!: ProfileImage | null;
  @Field({ description: 'Whether the profile shows licences sold.' }) showLicensesSold!: boolean;
  @Field(() => ProfileStats) stats!: ProfileStats;
  @Field({ description: 'True when this is your own profile.' }) isViewer!: boolean;
  @Field({ description: 'Whether you follow them (false when signed out).' }) viewerFollows!: boolean;
  @Field({ description: 'Whether you blocked them.' }) viewerBlocked!: boolean;
}

@ObjectType({ description: 'Whether you follow a member or an IP, and how many do.' })
export class FollowState {
  @Field(() => FollowTargetKindEnum) targetKind!: FollowableKind;
  @Field(() => ID) targetId!: string;
  @Field() following!: boolean;
  @Field(() => SafeIntScalar) followerCount!: number;
}

@ObjectType({ description: 'Whether you like an item, and how many do.' })
export class LikeState {
  @Field(() => LikeSubjectKindEnum) subjectKind!: LikeableKind;
  @Field(() => ID) subjectId!: string;
  @Field() liked!: boolean;
  @Field(() => SafeIntScalar) likeCount!: number;
}

@ObjectType()
export class BlockState {
  @Field(() => ID) userId!: string;
  @Field() blocked!: boolean;
}

@ObjectType({ description: 'A member you blocked.' })
export class BlockedUser {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
  @Field(() => GraphQLISODateTime) blockedAt!: Date;
}

@ObjectType()
export class FeedActor {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
}

@ObjectType({ description: 'The counts of a feed item’s model or template, read with the item.' })
export class FeedItemCounts {
  @Field(() => SafeIntScalar, { description: 'Members who like it.' }) likes!: number;
  @Field(() => SafeIntScalar, { description: 'Downloads (a template counts none yet).' }) downloads!: number;
  @Field(() => Float, { nullable: true, description: 'The average rating (1–5, one decimal); null when unrated.' })
  rating!: number | null;
  @Field(() => SafeIntScalar, { description: 'How many ratings the average is of.' }) ratingCount!: number;
}

@ObjectType({ description: 'Something new from a member or an IP you follow.' })
export class FeedItem {
  @Field(() => ID) id!: string;
  @Field(() => FeedVerbEnum) verb!: FeedVerb;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => FeedActor) actor!: FeedActor;
  @Field(() => LikeSubjectKindEnum, { description: 'MODEL or TEMPLATE.' }) subjectKind!: LikeableKind;
  @Field(() => ID) subjectId!: string;
  @Field() subjectName!: string;
  @Field(() => ID) versionId!: string;
  @Field({ description: 'The version’s name (models) or label (templates).' }) versionName!: string;
  @Field(() => FeedItemCounts) counts!: FeedItemCounts;
}

export const FeedItemConnection = Connection(FeedItem, 'FeedItem');
