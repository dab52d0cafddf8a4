import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SampleImage, StyleModel } from '@lookbook/catalog';
import { graphqlEnum, SafeIntScalar } from '@lookbook/core';
import { WorkflowTemplate } from '@lookbook/templates';
import type { CollectionItemKind, CollectionRole, CollectionVisibility } from './collection';
import { COLLECTION_ITEM_KINDS, COLLECTION_ROLES, COLLECTION_VISIBILITIES } from './collection';
import type { CollectionView } from './collection.service';

export const CollectionItemKindEnum = graphqlEnum('CollectionItemKind', COLLECTION_ITEM_KINDS, {
  description: 'What a collection holds: a model, a workflow template or a sample image.',
});
export const CollectionVisibilityEnum = graphqlEnum('CollectionVisibility', COLLECTION_VISIBILITIES, {
  valuesMap: {
    PUBLIC: { description: 'Anyone can see it and follow it.' },
    PRIVATE: { description: 'Only its owner and editors (and invited members) can see it.' },
  },
});
export const CollectionRoleEnum = graphqlEnum('CollectionRole', COLLECTION_ROLES, {
  description: 'How you stand to a collection.',
});
export const CollectionMemberStatusEnum = graphqlEnum('CollectionMemberStatus', ['INVITED', 'ACTIVE'] as const);

@ObjectType({ description: 'What you may do with a collection.' })
export class CollectionPermissionSet {
  @Field({ description: 'Add, remove and reorder items, edit notes.' }) editItems!: boolean;
  @Field({ description: 'Title, description, visibility, cover.' }) editSettings!: boolean;
  @Field() delete!: boolean;
  @Field({ description: 'Invite and remove editors.' }) manageEditors!: boolean;
  @Field({ description: 'Accept an invitation to edit.' }) accept!: boolean;
  @Field({ description: 'Leave as an editor, or decline an invitation.' }) leave!: boolean;
  @Field() follow!: boolean;
}

@ObjectType({ description: 'A member, as a collection shows them.' })
export class CollectionPerson {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
}

@ObjectType({ description: 'An editor of a collection, or a member invited to edit it.' })
export class CollectionEditor extends CollectionPerson {
  @Field(() => CollectionMemberStatusEnum) status!: 'INVITED' | 'ACTIVE';
}

@ObjectType({ description: 'A WebP rendition of a cover, for `srcset`.' })
export class CollectionCoverThumbnail {
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field() url!: string;
}

@ObjectType({ description: 'A collection’s cover: the chosen item’s image, else the first item with one.' })
export class CollectionCover {
  @Field() url!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field(() => String, { nullable: true }) placeholder!: string | null;
  @Field(() => [CollectionCoverThumbnail], { description: 'Narrowest first.' }) thumbnails!: CollectionCoverThumbnail[];
}

@ObjectType({ description: 'One item of a collection, in order, with its note.' })
export class CollectionItem {
  @Field(() => ID, { description: 'The item’s id within the collection (for moving, noting).' }) id!: string;
  @Field(() => CollectionItemKindEnum) kind!: CollectionItemKind;
  @Field(() => ID, { description: 'The model, template or image.' }) itemId!: string;
  @Field({ description: 'Plain text, at most 500 characters (never markup).' }) note!: string;
  @Field({
    description:
      'False when it was taken down or unpublished, or is by someone across a block: shown to owners and editors only.',
  })
  available!: boolean;
  @Field(() => ID) addedById!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => SampleImage, { nullable: true, description: 'The image, for an available IMAGE item.' })
  image!: SampleImage | null;
  @Field(() => ID, { nullable: true, description: 'For an IMAGE item: the model it is a sample of.' })
  imageModelId!: string | null;
  // Resolved: model, template.
}

@ObjectType({ description: 'An ordered, titled list of models, templates and images, with a note per item.' })
export class Collection {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'Plain text (never markup); may span lines.' }) description!: string;
  @Field(() => CollectionVisibilityEnum) visibility!: CollectionVisibility;
  @Field(() => SafeIntScalar, { description: 'Items held, kept as they are added and removed.' }) itemCount!: number;
  @Field(() => ID, { nullable: true, description: 'The item chosen as the cover, if one was.' })
  coverItemId!: string | null;
  @Field(() => CollectionCover, { nullable: true }) cover!: CollectionCover | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => CollectionRoleEnum) viewerRole!: CollectionRole;
  @Field(() => CollectionPermissionSet) viewerCan!: CollectionPermissionSet;
  ownerId!: string;
  /** The view it was read as (for the item list). */
  view!: CollectionView;
  // Resolved: owner, editors, items, followerCount, viewerFollows.
}

@ObjectType({ description: 'Whether you follow a collection, and how many do.' })
export class CollectionFollowState {
  @Field(() => ID) collectionId!: string;
  @Field() following!: boolean;
  @Field(() => SafeIntScalar) followerCount!: number;
}

@InputType()
export class CreateCollectionInput {
  @Field({ description: '1–100 characters, one line.' }) title!: string;
  @Field(() => String, { nullable: true, description: 'Plain text, at most 1,000 characters.' })
  description?: string | null;
  @Field(() => CollectionVisibilityEnum, { nullable: true, description: 'PRIVATE when omitted.' })
  visibility?: CollectionVisibility | null;
}

@InputType({ description: 'The settings to change; omitted fields stay as they are.' })
export class UpdateCollectionInput {
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true, description: '"" clears it.' }) description?: string | null;
  @Field(() => CollectionVisibilityEnum, { nullable: true }) visibility?: CollectionVisibility | null;
  @Field(() => ID, { nullable: true, description: 'An item of this collection as the cover; null: the first item.' })
  coverItemId?: string | null;
}

export { StyleModel, WorkflowTemplate };
