/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApiScope =
  /** Staff operations (moderation, support); only moderators and admins can create such keys. */
  | 'ADMIN'
  /** Download licensed files. */
  | 'DOWNLOAD'
  /** Queries. */
  | 'READ'
  /** Mutations (never credential management). */
  | 'WRITE';

export type BaseModelInput = {
  ecosystem: string;
  id: string | number;
  /** A short note on its conditions; left out keeps it, null clears it. */
  licenseConditions?: string | null | undefined;
  licenseName: string;
  /** https:// link to the licence text; left out keeps it, null clears it. */
  licenseUrl?: string | null | undefined;
  name: string;
  nonCommercial: boolean;
  sortOrder?: number | null | undefined;
};

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

/** What a collection holds: a model, a workflow template or a sample image. */
export type CollectionItemKind =
  | 'IMAGE'
  | 'MODEL'
  | 'TEMPLATE';

export type CollectionMemberStatus =
  | 'ACTIVE'
  | 'INVITED';

/** How you stand to a collection. */
export type CollectionRole =
  | 'EDITOR'
  | 'INVITED'
  | 'NONE'
  | 'OWNER';

export type CollectionVisibility =
  /** Only its owner and editors (and invited members) can see it. */
  | 'PRIVATE'
  /** Anyone can see it and follow it. */
  | 'PUBLIC';

/** The order of top-level comments (replies are always oldest first). */
export type CommentOrder =
  | 'NEWEST'
  | 'OLDEST';

/** Each level includes the ones before it. */
export type CommercialUse =
  | 'NONE'
  | 'PAID_GENERATION_SERVICE'
  | 'RESELL_MODEL'
  | 'SELL_GENERATED_IMAGES';

export type CreateApiKeyInput = {
  /** Days until the key expires (1–365); never if omitted. */
  expiresInDays?: number | null | undefined;
  name: string;
  scopes: Array<ApiScope>;
};

export type CreateCollectionInput = {
  /** Plain text, at most 1,000 characters. */
  description?: string | null | undefined;
  /** 1–100 characters, one line. */
  title: string;
  /** PRIVATE when omitted. */
  visibility?: CollectionVisibility | null | undefined;
};

export type CreateModelVersionInput = {
  changelog?: string | null | undefined;
  name: string;
  /** Versions this one merges or fine-tunes. */
  parents?: Array<VersionParentInput> | null | undefined;
  recommendedSettings?: Array<KeyValueInput> | null | undefined;
  triggerWords?: Array<string> | null | undefined;
};

export type CreateStyleModelInput = {
  baseModelId: string | number;
  description?: string | null | undefined;
  maturity: Maturity;
  name: string;
  slug?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  type: ModelType;
};

export type CreateTemplateInput = {
  description?: string | null | undefined;
  name: string;
  tags?: Array<string> | null | undefined;
};

export type CreateUploadInput = {
  fileName: string;
  precision?: Precision | null | undefined;
  role?: FileRole | null | undefined;
  /** Optional SHA-256: the file is rejected if the bytes differ. */
  sha256?: string | null | undefined;
  /** Exact size in bytes. */
  size: number;
};

/** What has a discussion: a model, a workflow template, a model version or a template version. */
export type DiscussionSubjectKind =
  | 'MODEL'
  | 'TEMPLATE'
  | 'TEMPLATE_VERSION'
  | 'VERSION';

export type FeedVerb =
  /** A new version of a model (its first publishes the model). */
  | 'MODEL_VERSION_PUBLISHED'
  /** A remix of another template. */
  | 'REMIX_PUBLISHED'
  /** A new workflow template. */
  | 'TEMPLATE_PUBLISHED'
  /** A new version of a workflow template. */
  | 'TEMPLATE_VERSION_PUBLISHED';

export type FileRole =
  | 'CONFIG'
  | 'MODEL'
  | 'TRAINING_DATA'
  | 'VAE';

/** What can be followed: a member or an IP. */
export type FollowTargetKind =
  | 'IP'
  | 'USER';

export type IpKind =
  | 'CHARACTER'
  | 'FRANCHISE';

export type KeyValueInput = {
  key: string;
  value: string;
};

export type LicenseOfferInput = {
  permissions: LicensePermissionsInput;
  /** Minor units (cents); 0 only for FREE. */
  priceAmount: number;
  /** ISO 4217, e.g. EUR. */
  priceCurrency: string;
  tier: LicenseTier;
};

export type LicensePermissionsInput = {
  commercialUse: CommercialUse;
  creditLine?: string | null | undefined;
  creditRequired: boolean;
  derivativeMayChangeLicense: boolean;
  derivativesAllowed: boolean;
  printRunCap?: number | null | undefined;
  revenueCap?: number | null | undefined;
  seats?: number | null | undefined;
};

/** Why a certificate did not verify. */
export type LicenseProblem =
  | 'BAD_SIGNATURE'
  | 'INVALID_CLAIMS'
  | 'KEY_EXPIRED'
  | 'MALFORMED'
  | 'UNKNOWN_KEY'
  | 'UNKNOWN_LICENSE'
  | 'UNSUPPORTED_ALGORITHM';

/** OWN: you made it · HELD: a licence you hold covers the purpose · CLAIMABLE: a free licence covers it · AVAILABLE: a paid licence covers it · NOT_OFFERED: nothing on sale covers it · OPEN_LICENSE: a well-known published file whose public licence allows the purpose · NOT_ALLOWED: a well-known published file whose public licence does not allow it · UNKNOWN: a file we do not know, so its licence could not be checked · UNUSED: wired in but not used. */
export type LicenseRollupStatus =
  | 'AVAILABLE'
  | 'CLAIMABLE'
  | 'HELD'
  | 'NOT_ALLOWED'
  | 'NOT_OFFERED'
  | 'OPEN_LICENSE'
  | 'OWN'
  | 'UNKNOWN'
  | 'UNUSED';

/** COVERED (every file is known and covered) · NOT_COVERED (something must be licensed, or cannot be) · UNVERIFIED (nothing known blocks, but some files could not be checked: not covered as far as anyone can tell). */
export type LicenseRollupVerdict =
  | 'COVERED'
  | 'NOT_COVERED'
  | 'UNVERIFIED';

export type LicenseSource =
  | 'FREE_CLAIM'
  | 'GIFT'
  | 'PURCHASE';

export type LicenseStatus =
  | 'ACTIVE'
  | 'REVOKED';

/** What a licence is for: a style model version, or a workflow template version. */
export type LicenseSubjectKind =
  | 'MODEL'
  | 'TEMPLATE';

export type LicenseTier =
  | 'COMMERCIAL'
  | 'ENTERPRISE'
  | 'EXCLUSIVE'
  | 'FREE'
  | 'PERSONAL';

/** What can be liked: a model, a workflow template or a sample image. */
export type LikeSubjectKind =
  | 'IMAGE'
  | 'MODEL'
  | 'TEMPLATE';

/** The node types of safe Markdown: nothing else is ever sent. */
export type MarkdownNodeType =
  | 'blockquote'
  | 'break'
  | 'bullet_list'
  | 'code'
  | 'code_block'
  | 'em'
  | 'link'
  | 'list_item'
  | 'mention'
  | 'ordered_list'
  | 'paragraph'
  | 'strong'
  | 'text';

export type Maturity =
  | 'EXPLICIT'
  | 'MATURE'
  | 'SFW'
  | 'SUGGESTIVE';

export type ModelStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'TAKEN_DOWN'
  | 'UNPUBLISHED';

export type ModelType =
  | 'CHECKPOINT'
  | 'CONTROLNET'
  | 'DORA'
  | 'HYPERNETWORK'
  | 'LOCON'
  | 'LORA'
  | 'OTHER'
  | 'TEXTUAL_INVERSION'
  | 'UPSCALER'
  | 'VAE';

/** AMOUNT_MISMATCH: paid, but not what the order says (nothing granted or booked). REFUND_FAILED: the provider refused a refund. UNRECOVERED_REVERSAL: a creator had already been paid out; the part is a debt on their balance. STALLED_EVENT: a provider event still unprocessed after an hour. */
export type MoneyReviewKind =
  | 'AMOUNT_MISMATCH'
  | 'REFUND_FAILED'
  | 'STALLED_EVENT'
  | 'UNRECOVERED_REVERSAL';

/** How a kind of notification is mailed. */
export type NotificationEmail =
  /** Collected into one mail a day. */
  | 'DIGEST'
  /** Mailed as it happens (a storm of one kind about one thing: once a day). */
  | 'IMMEDIATE'
  /** Never mailed. */
  | 'OFF';

/** What a notification is about; each kind has its own preference. */
export type NotificationKind =
  | 'COLLECTION_INVITE'
  | 'COMMENT'
  | 'COMMENT_REPLY'
  | 'FOLLOW'
  | 'LICENSE_REVOKED'
  | 'LIKE'
  | 'MENTION'
  | 'REMIX_DECISION'
  | 'REMIX_REQUEST'
  | 'REVIEW'
  | 'REVIEW_REPLY'
  | 'SALE'
  | 'SAVED_SEARCH_MATCH';

export type NotificationPreferenceInput = {
  email: NotificationEmail;
  inApp: boolean;
  kind: NotificationKind;
};

export type OrderStatus =
  | 'CANCELLED'
  | 'DISPUTED'
  | 'DISPUTE_LOST'
  | 'EXPIRED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'REFUNDED';

export type ParentRelation =
  | 'ADAPTER'
  | 'FINETUNE'
  | 'MERGE'
  | 'REMIX';

export type PayoutAccountStatus =
  | 'ACTIVE'
  | 'NOT_STARTED'
  | 'ONBOARDING'
  | 'PAYOUT_FAILED';

export type PayoutStatus =
  | 'CANCELED'
  | 'FAILED'
  | 'IN_TRANSIT'
  | 'PAID';

export type PostCommentInput = {
  /** The comment answered; omit for a top-level comment. */
  parentId?: string | null | undefined;
  subjectId: string;
  subjectKind: DiscussionSubjectKind;
  /** Markdown (a subset), 1–5,000 characters; `@handle` mentions a member. */
  text: string;
};

export type Precision =
  | 'BF16'
  | 'FP8'
  | 'FP16'
  | 'FP32'
  | 'MIXED'
  | 'OTHER';

export type PriceLimitInput = {
  /** Minor units of the currency. */
  amount: number;
  currency: string;
};

export type ProfileImageSlot =
  | 'AVATAR'
  | 'COVER';

export type ProfileLinkInput = {
  /** Shown instead of the URL; defaults to its host. */
  label?: string | null | undefined;
  /** An absolute http(s) URL, at most 300 characters. */
  url: string;
};

export type RefundReason =
  | 'ISSUED_BY_CREATOR'
  | 'ISSUED_BY_SUPPORT'
  | 'LICENSE_UNAVAILABLE'
  | 'PROVIDER'
  | 'REQUESTED_BY_BUYER';

export type RefundStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type RegisterIpInput = {
  description?: string | null | undefined;
  kind: IpKind;
  name: string;
};

export type RemixApproval =
  | 'AUTOMATIC'
  | 'MANUAL';

export type RemixStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

export type RemixTermsInput = {
  allowedUses: Array<TemplateUse>;
  approval: RemixApproval;
  /** Credit lines every remix shows. */
  attribution: Array<string>;
  /** Slot keys fans may change; null: all. */
  changeableSlots?: Array<string> | null | undefined;
  /** The IP owner's share of every remix sale, in basis points (0–5,000). */
  ipShareBps: number;
  maxMaturity: Maturity;
  remixAllowed: boolean;
  requiredTags: Array<string>;
};

export type RequestEmailChangeInput = {
  currentPassword: string;
  newEmail: string;
};

export type ResetPasswordInput = {
  newPassword: string;
  /** The token from the reset link. */
  token: string;
};

/** Why you cannot write a review of it now. */
export type ReviewIneligibility =
  | 'ALREADY_REVIEWED'
  | 'BLOCKED'
  | 'NO_LICENSE'
  | 'OWN_WORK'
  | 'SIGNED_OUT';

export type ReviewInput = {
  /** Plain text, 1–2000 characters; line breaks are kept. */
  body: string;
  /** 1–5 stars. */
  rating: number;
};

/** What can be reviewed: a model or a workflow template. */
export type ReviewSubjectKind =
  | 'MODEL'
  | 'TEMPLATE';

export type RevocationReason =
  | 'DISPUTE_LOST'
  | 'FRAUD'
  | 'ISSUED_IN_ERROR'
  | 'REFUNDED'
  | 'TAKEDOWN'
  | 'TERMS_VIOLATION';

export type Role =
  | 'ADMIN'
  | 'MODERATOR';

export type ScanStatus =
  | 'PENDING'
  | 'READY'
  | 'REJECTED'
  | 'UPLOADING';

/** Leave out results that have any of these. */
export type SearchExcludeInput = {
  /** Creator handles. */
  creators?: Array<string> | null | undefined;
  tags?: Array<string> | null | undefined;
  types?: Array<ModelType> | null | undefined;
};

export type SearchFacet =
  | 'BASE_MODEL'
  | 'COMMERCIAL_USE'
  | 'CREDIT_REQUIRED'
  | 'DERIVATIVES_ALLOWED'
  | 'KIND'
  | 'MATURITY'
  | 'PRICE'
  | 'TAG'
  | 'TIER'
  | 'TYPE';

/** Narrow a search. Every list matches any of its values, except tags (all of them). */
export type SearchFilterInput = {
  /** Base model ids. */
  baseModels?: Array<string | number> | null | undefined;
  /** A licence on offer allows commercial use. */
  commercialUse?: boolean | null | undefined;
  /** A creator's handle. */
  creator?: string | null | undefined;
  /** false: some licence on offer needs no credit line. */
  creditRequired?: boolean | null | undefined;
  /** A licence on offer allows derivatives (remixes, merges). */
  derivativesAllowed?: boolean | null | undefined;
  /** true: free to claim; false: paid offers only. */
  free?: boolean | null | undefined;
  /** Style models, workflow templates; absent: both. */
  kinds?: Array<SearchKind> | null | undefined;
  /** Maturity levels to include; absent: every level up to the viewer's setting (signed out: SUGGESTIVE). */
  maturity?: Array<Maturity> | null | undefined;
  /** Cheapest paid offer at most this (free ones too). */
  maxPrice?: PriceLimitInput | null | undefined;
  /** Every tag listed must be present. */
  tags?: Array<string> | null | undefined;
  /** Licence tiers on offer. */
  tiers?: Array<LicenseTier> | null | undefined;
  types?: Array<ModelType> | null | undefined;
};

/** What a search result is: a style model or a workflow template. */
export type SearchKind =
  | 'MODEL'
  | 'TEMPLATE';

/** RELEVANCE falls back to NEWEST when there is no query. */
export type SearchSort =
  | 'MOST_DOWNLOADED'
  | 'MOST_LIKED'
  | 'NEWEST'
  | 'PRICE_HIGH'
  | 'PRICE_LOW'
  | 'RELEVANCE'
  | 'TOP_RATED'
  | 'TRENDING';

export type SignInInput = {
  /** Email or handle. */
  login: string;
  password: string;
};

export type SignUpInput = {
  /** The terms of service and privacy notice are accepted; without it no account is made (TERMS_NOT_ACCEPTED). */
  acceptTerms?: boolean | null | undefined;
  displayName?: string | null | undefined;
  email: string;
  handle: string;
  password: string;
};

export type SplitRole =
  | 'IP_OWNER'
  | 'REMIX_PARENT'
  | 'SELLER';

export type SuggestionKind =
  | 'CREATOR'
  | 'MODEL'
  | 'TAG'
  | 'TEMPLATE';

export type TemplateParamInput = {
  key: string;
  /** The value, as JSON. */
  value: string;
};

export type TemplateSlotInput = {
  /** The default value, as JSON (e.g. "20", "\"a castle\"", "true"). */
  default: string;
  key: string;
  label: string;
  max?: number | null | undefined;
  maxLength?: number | null | undefined;
  min?: number | null | undefined;
  nodeId: string;
  options?: Array<string> | null | undefined;
  pattern?: string | null | undefined;
  type: TemplateSlotType;
  widget: string;
};

export type TemplateSlotType =
  | 'BOOLEAN'
  | 'ENUM'
  | 'INTEGER'
  | 'MODEL'
  | 'NUMBER'
  | 'SEED'
  | 'TEXT';

export type TemplateStatus =
  | 'DRAFT'
  | 'PUBLISHED'
  | 'TAKEN_DOWN'
  | 'UNPUBLISHED';

export type TemplateUse =
  | 'COMMERCIAL'
  | 'PERSONAL';

export type TemplateVersionStatus =
  | 'DRAFT'
  | 'PUBLISHED';

/** SCHEDULED: waiting for the hold period. WAITING_FOR_ACCOUNT: the payout account cannot receive money yet. NETTED: absorbed by an earlier debt. CANCELLED: refunded before it was sent. */
export type TransferStatus =
  | 'CANCELLED'
  | 'NETTED'
  | 'SCHEDULED'
  | 'SENDING'
  | 'SENT'
  | 'WAITING_FOR_ACCOUNT';

/** The settings to change; omitted fields stay as they are. */
export type UpdateCollectionInput = {
  /** An item of this collection as the cover; null: the first item. */
  coverItemId?: string | number | null | undefined;
  /** "" clears it. */
  description?: string | null | undefined;
  title?: string | null | undefined;
  visibility?: CollectionVisibility | null | undefined;
};

export type UpdateModelVersionInput = {
  changelog?: string | null | undefined;
  name?: string | null | undefined;
  recommendedSettings?: Array<KeyValueInput> | null | undefined;
  triggerWords?: Array<string> | null | undefined;
};

/** The profile fields to change; omitted fields stay as they are. */
export type UpdateProfileInput = {
  /** Plain text, at most 1,000 characters; "" clears it. */
  bio?: string | null | undefined;
  /** 1–80 characters, one line. */
  displayName?: string | null | undefined;
  /** At most 5; replaces the list. */
  links?: Array<ProfileLinkInput> | null | undefined;
  /** Show how many licences you sold on your profile. */
  showLicensesSold?: boolean | null | undefined;
};

export type UpdateStyleModelInput = {
  baseModelId?: string | number | null | undefined;
  description?: string | null | undefined;
  maturity?: Maturity | null | undefined;
  name?: string | null | undefined;
  slug?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  type?: ModelType | null | undefined;
};

/** FREE: anyone may download once published. LICENSED: buyers with a licence. */
export type VersionAccess =
  | 'FREE'
  | 'LICENSED';

export type VersionParentInput = {
  relation: ParentRelation;
  versionId: string;
};

export type VersionStatus =
  | 'DRAFT'
  | 'PUBLISHED';

export type BaseModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type BaseModelsQuery = { baseModels: Array<{ id: string, name: string, ecosystem: string, nonCommercial: boolean, licenseName: string }> };

export type CheckoutMutationVariables = Exact<{
  offerId: string;
}>;


export type CheckoutMutation = { checkout: { checkoutUrl: string, order: { id: string } } };

export type CollectionCardFieldsFragment = { id: string, title: string, description: string, visibility: CollectionVisibility, itemCount: number, followerCount: number, viewerRole: CollectionRole, cover: { url: string, width: number, height: number, placeholder: string | null, thumbnails: Array<{ url: string, width: number, height: number }> } | null, owner: { id: string, handle: string, displayName: string } | null } & { ' $fragmentName'?: 'CollectionCardFieldsFragment' };

export type FeaturedCollectionsQueryVariables = Exact<{
  first: number;
}>;


export type FeaturedCollectionsQuery = { featuredCollections: Array<{ ' $fragmentRefs'?: { 'CollectionCardFieldsFragment': CollectionCardFieldsFragment } }> };

export type MemberCollectionsQueryVariables = Exact<{
  handle: string;
}>;


export type MemberCollectionsQuery = { memberCollections: Array<{ ' $fragmentRefs'?: { 'CollectionCardFieldsFragment': CollectionCardFieldsFragment } }> };

export type MyCollectionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyCollectionsQuery = { myCollections: Array<(
    { id: string, title: string, visibility: CollectionVisibility, viewerRole: CollectionRole, viewerCan: { editItems: boolean } }
    & { ' $fragmentRefs'?: { 'CollectionCardFieldsFragment': CollectionCardFieldsFragment } }
  )> };

export type CollectionsHoldingQueryVariables = Exact<{
  kind: CollectionItemKind;
  itemId: string;
}>;


export type CollectionsHoldingQuery = { collectionsHolding: Array<string> };

export type CreateCollectionMutationVariables = Exact<{
  input: CreateCollectionInput;
}>;


export type CreateCollectionMutation = { createCollection: { id: string, title: string } };

export type AddToCollectionMutationVariables = Exact<{
  collectionId: string;
  kind: CollectionItemKind;
  itemId: string;
  note?: string | null | undefined;
}>;


export type AddToCollectionMutation = { addToCollection: { id: string, itemCount: number } };

export type RemoveFromCollectionMutationVariables = Exact<{
  collectionId: string;
  kind: CollectionItemKind;
  itemId: string;
}>;


export type RemoveFromCollectionMutation = { removeFromCollection: { id: string, itemCount: number } };

export type CommentFieldsFragment = { id: string, parentId: string | null, replyToId: string | null, depth: number, text: string, createdAt: string, editedAt: string | null, deleted: boolean, hidden: boolean, pinned: boolean, replyCount: number, viewerIsAuthor: boolean, author: { id: string, handle: string, displayName: string } | null, body: Array<{ type: MarkdownNodeType, parent: number | null, text: string | null, href: string | null, userId: string | null }> } & { ' $fragmentName'?: 'CommentFieldsFragment' };

export type DiscussionPageQueryVariables = Exact<{
  kind: DiscussionSubjectKind;
  id: string;
  order: CommentOrder;
  first: number;
  after?: string | null | undefined;
}>;


export type DiscussionPageQuery = { discussion: { commentCount: number, viewerIsCreator: boolean, endCursor: string | null, hasMore: boolean, comments: Array<(
      { replies: Array<(
        { replies: Array<{ ' $fragmentRefs'?: { 'CommentFieldsFragment': CommentFieldsFragment } }> }
        & { ' $fragmentRefs'?: { 'CommentFieldsFragment': CommentFieldsFragment } }
      )> }
      & { ' $fragmentRefs'?: { 'CommentFieldsFragment': CommentFieldsFragment } }
    )> } };

export type MoreRepliesQueryVariables = Exact<{
  id: string;
  first: number;
  after?: string | null | undefined;
}>;


export type MoreRepliesQuery = { commentReplies: { endCursor: string | null, hasMore: boolean, replies: Array<(
      { replies: Array<{ ' $fragmentRefs'?: { 'CommentFieldsFragment': CommentFieldsFragment } }> }
      & { ' $fragmentRefs'?: { 'CommentFieldsFragment': CommentFieldsFragment } }
    )> } };

export type CommentPreviewQueryVariables = Exact<{
  text: string;
}>;


export type CommentPreviewQuery = { commentPreview: Array<{ type: MarkdownNodeType, parent: number | null, text: string | null, href: string | null, userId: string | null }> };

export type PostCommentMutationVariables = Exact<{
  input: PostCommentInput;
}>;


export type PostCommentMutation = { postComment: { id: string } };

export type EditCommentMutationVariables = Exact<{
  id: string;
  text: string;
}>;


export type EditCommentMutation = { editComment: { id: string } };

export type DeleteCommentMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCommentMutation = { deleteComment: { id: string, removed: boolean } };

export type PinCommentMutationVariables = Exact<{
  id: string;
  pinned: boolean;
}>;


export type PinCommentMutation = { pinComment: { id: string } };

export type HideCommentMutationVariables = Exact<{
  id: string;
  hidden: boolean;
}>;


export type HideCommentMutation = { hideComment: { id: string } };

export type ModelOwnerFieldsFragment = { id: string, handle: string, displayName: string } & { ' $fragmentName'?: 'ModelOwnerFieldsFragment' };

export type TemplateOwnerFieldsFragment = { id: string, handle: string, displayName: string } & { ' $fragmentName'?: 'TemplateOwnerFieldsFragment' };

export type PublicModelParentsQueryVariables = Exact<{
  modelId: string;
}>;


export type PublicModelParentsQuery = { modelParents: Array<{ parentId: string, relation: string, shareBps: number, parentModel: { id: string, name: string, owner: { displayName: string } | null } | null }> };

export type SetOffersMutationVariables = Exact<{
  versionId: string;
  offers: Array<LicenseOfferInput> | LicenseOfferInput;
}>;


export type SetOffersMutation = { setLicenseOffers: Array<{ id: string, tier: LicenseTier, revision: number }> };

export type SetTemplateOffersMutationVariables = Exact<{
  versionId: string;
  offers: Array<LicenseOfferInput> | LicenseOfferInput;
}>;


export type SetTemplateOffersMutation = { setTemplateLicenseOffers: Array<{ id: string, tier: LicenseTier, revision: number }> };

export type ReviewFieldsFragment = { id: string, subjectKind: ReviewSubjectKind, subjectId: string, subjectName: string, rating: number, body: string, licenseTier: LicenseTier, verified: boolean, helpfulCount: number, viewerFoundHelpful: boolean, editCount: number, createdAt: string, editedAt: string | null, author: { id: string, handle: string, displayName: string }, reply: { body: string, repliedAt: string, editedAt: string | null } | null } & { ' $fragmentName'?: 'ReviewFieldsFragment' };

export type SubjectReviewsQueryVariables = Exact<{
  kind: ReviewSubjectKind;
  subjectId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type SubjectReviewsQuery = { reviews: { nodes: Array<{ ' $fragmentRefs'?: { 'ReviewFieldsFragment': ReviewFieldsFragment } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MemberReviewsQueryVariables = Exact<{
  userId: string;
  first: number;
  after?: string | null | undefined;
}>;


export type MemberReviewsQuery = { memberReviews: { nodes: Array<{ ' $fragmentRefs'?: { 'ReviewFieldsFragment': ReviewFieldsFragment } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ReviewEligibilityQueryVariables = Exact<{
  kind: ReviewSubjectKind;
  subjectId: string;
}>;


export type ReviewEligibilityQuery = { reviewEligibility: { canReview: boolean, reason: ReviewIneligibility | null, licenseTier: LicenseTier | null, review: { ' $fragmentRefs'?: { 'ReviewFieldsFragment': ReviewFieldsFragment } } | null } };

export type ReviewRevisionsQueryVariables = Exact<{
  reviewId: string;
}>;


export type ReviewRevisionsQuery = { reviewRevisions: Array<{ revision: number, rating: number, body: string, writtenAt: string }> };

export type WriteReviewMutationVariables = Exact<{
  kind: ReviewSubjectKind;
  subjectId: string;
  input: ReviewInput;
}>;


export type WriteReviewMutation = { writeReview: { ' $fragmentRefs'?: { 'ReviewFieldsFragment': ReviewFieldsFragment } } };

export type EditReviewMutationVariables = Exact<{
  reviewId: string;
  input: ReviewInput;
}>;


export type EditReviewMutation = { editReview: { ' $fragmentRefs'?: { 'ReviewFieldsFragment': ReviewFieldsFragment } } };

export type ReplyToReviewMutationVariables = Exact<{
  reviewId: string;
  body: string;
}>;


export type ReplyToReviewMutation = { replyToReview: { ' $fragmentRefs'?: { 'ReviewFieldsFragment': ReviewFieldsFragment } } };

export type VoteReviewHelpfulMutationVariables = Exact<{
  reviewId: string;
  helpful: boolean;
}>;


export type VoteReviewHelpfulMutation = { voteReviewHelpful: { id: string, helpfulCount: number, viewerFoundHelpful: boolean } };

export type SavedSearchesQueryVariables = Exact<{ [key: string]: never; }>;


export type SavedSearchesQuery = { savedSearches: Array<{ id: string, name: string, query: string, sort: SearchSort, url: string, createdAt: string }> };

export type SaveSearchMutationVariables = Exact<{
  name?: string | null | undefined;
  query?: string | null | undefined;
  filters?: SearchFilterInput | null | undefined;
  exclude?: SearchExcludeInput | null | undefined;
  sort?: SearchSort | null | undefined;
}>;


export type SaveSearchMutation = { saveSearch: { id: string, name: string, url: string } };

export type RenameSavedSearchMutationVariables = Exact<{
  id: string;
  name: string;
}>;


export type RenameSavedSearchMutation = { renameSavedSearch: { id: string, name: string } };

export type DeleteSavedSearchMutationVariables = Exact<{
  id: string;
}>;


export type DeleteSavedSearchMutation = { deleteSavedSearch: boolean };

export type BrowseQueryVariables = Exact<{
  query?: string | null | undefined;
  filters?: SearchFilterInput | null | undefined;
  exclude?: SearchExcludeInput | null | undefined;
  sort?: SearchSort | null | undefined;
  first: number;
  after?: string | null | undefined;
  withFacets: boolean;
}>;


export type BrowseQuery = { search: { total: number, hasNextPage: boolean, endCursor: string | null, didYouMean: string | null, droppedWords: Array<string>, hashMatch: boolean, maturity: Array<string>, hits: Array<{ kind: SearchKind, counts: { likes: number, downloads: number, rating: number | null, ratingCount: number }, price: { free: boolean, cheapestPaid: { tier: LicenseTier, amount: number, currency: string } | null }, model: (
        { id: string }
        & { ' $fragmentRefs'?: { 'ModelCardFragment': ModelCardFragment } }
      ) | null, template: (
        { id: string }
        & { ' $fragmentRefs'?: { 'TemplateCardFragment': TemplateCardFragment } }
      ) | null, highlights: Array<{ field: string, segments: Array<{ text: string, match: boolean }> }> }>, facets?: Array<{ facet: SearchFacet, values: Array<{ value: string, count: number }> }>, creators?: Array<{ handle: string, name: string, models: number, templates: number }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, handle: string, displayName: string, email: string, roles: Array<Role>, maxMaturity: Maturity, createdAt: string, emailVerified: boolean } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type LikeMutationVariables = Exact<{
  kind: LikeSubjectKind;
  id: string;
}>;


export type LikeMutation = { like: { liked: boolean, likeCount: number } };

export type UnlikeMutationVariables = Exact<{
  kind: LikeSubjectKind;
  id: string;
}>;


export type UnlikeMutation = { unlike: { liked: boolean, likeCount: number } };

export type FollowMutationVariables = Exact<{
  kind: FollowTargetKind;
  id: string;
}>;


export type FollowMutation = { follow: { following: boolean, followerCount: number } };

export type UnfollowMutationVariables = Exact<{
  kind: FollowTargetKind;
  id: string;
}>;


export type UnfollowMutation = { unfollow: { following: boolean, followerCount: number } };

export type FollowStateQueryVariables = Exact<{
  kind: FollowTargetKind;
  id: string;
}>;


export type FollowStateQuery = { followState: { following: boolean, followerCount: number } };

export type ModelCardFragment = { id: string, name: string, type: ModelType, owner: { ' $fragmentRefs'?: { 'ModelOwnerFieldsFragment': ModelOwnerFieldsFragment } } | null, baseModel: { name: string }, versions: Array<{ id: string, sampleImages: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'ImageFragment': ImageFragment } }
    )>, licenseOffers: Array<{ id: string, tier: LicenseTier, priceAmount: number, priceCurrency: string, permissions: { commercialUse: CommercialUse, derivativesAllowed: boolean } }> }> } & { ' $fragmentName'?: 'ModelCardFragment' };

export type LicenceOfferFragment = { id: string, tier: LicenseTier, revision: number, priceAmount: number, priceCurrency: string, termsText: string, termsSha256: string, permissions: { commercialUse: CommercialUse, derivativesAllowed: boolean, derivativeMayChangeLicense: boolean, creditRequired: boolean, creditLine: string | null, seats: number | null, revenueCap: number | null, printRunCap: number | null } } & { ' $fragmentName'?: 'LicenceOfferFragment' };

export type ImageFragment = { url: string, width: number, height: number, placeholder: string | null, thumbnails: Array<{ url: string, width: number, height: number }> } & { ' $fragmentName'?: 'ImageFragment' };

export type TemplateCardFragment = { id: string, name: string, tags: Array<string>, ipId: string | null, cover: { ' $fragmentRefs'?: { 'ImageFragment': ImageFragment } } | null, owner: { ' $fragmentRefs'?: { 'TemplateOwnerFieldsFragment': TemplateOwnerFieldsFragment } } | null } & { ' $fragmentName'?: 'TemplateCardFragment' };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type RevokeSessionMutationVariables = Exact<{
  id: string;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { secret: string, apiKey: { id: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { id: string } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { id: string } };

export type SetMaturityPreferenceMutationVariables = Exact<{
  maxMaturity: Maturity;
}>;


export type SetMaturityPreferenceMutation = { setMaturityPreference: { id: string, maxMaturity: Maturity } };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: { id: string, email: string, emailVerified: boolean } };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string } };

export type ResendVerificationEmailMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendVerificationEmailMutation = { resendVerificationEmail: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type RequestEmailChangeMutationVariables = Exact<{
  input: RequestEmailChangeInput;
}>;


export type RequestEmailChangeMutation = { requestEmailChange: boolean };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailChangeMutation = { confirmEmailChange: { id: string, email: string, emailVerified: boolean } };

export type ClearProfileImageMutationVariables = Exact<{
  slot: ProfileImageSlot;
}>;


export type ClearProfileImageMutation = { clearProfileImage: { id: string } };

export type BlockUserMutationVariables = Exact<{
  userId: string;
}>;


export type BlockUserMutation = { blockUser: { blocked: boolean } };

export type UnblockUserMutationVariables = Exact<{
  userId: string;
}>;


export type UnblockUserMutation = { unblockUser: { blocked: boolean } };

export type AccountQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountQuery = { mySessions: { nodes: Array<{ id: string, current: boolean, userAgent: string | null, createdAt: string, lastUsedAt: string, expiresAt: string }> }, myApiKeys: { nodes: Array<{ id: string, name: string, displayPrefix: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null }> } };

export type ProfileQueryVariables = Exact<{
  handle: string;
}>;


export type ProfileQuery = { user: { id: string, createdAt: string }, profile: { id: string, handle: string, displayName: string, bio: string, showLicensesSold: boolean, isViewer: boolean, viewerFollows: boolean, viewerBlocked: boolean, links: Array<{ label: string, url: string }>, avatar: { url: string, placeholder: string, thumbnails: Array<{ width: number, url: string }> } | null, cover: { url: string, thumbnails: Array<{ width: number, url: string }> } | null, stats: { followers: number, following: number, models: number, templates: number, downloads: number, likesReceived: number, licensesSold: number | null } } };

export type BlockedUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type BlockedUsersQuery = { blockedUsers: Array<{ id: string, handle: string, displayName: string, blockedAt: string }> };

export type RequestDownloadMutationVariables = Exact<{
  fileId: string;
}>;


export type RequestDownloadMutation = { requestModelFileDownload: { url: string, fileName: string, sha256: string, sizeBytes: number } };

export type ClaimFreeMutationVariables = Exact<{
  versionId: string;
}>;


export type ClaimFreeMutation = { claimFreeLicense: { id: string } };

export type ModelPageQueryVariables = Exact<{
  id: string;
}>;


export type ModelPageQuery = { styleModel: { id: string, name: string, description: string, type: ModelType, tags: Array<string>, status: ModelStatus, publishedAt: string | null, likeCount: number, downloadCount: number, viewerHasLiked: boolean, rating: { average: number | null, count: number, histogram: Array<number> }, owner: { ' $fragmentRefs'?: { 'ModelOwnerFieldsFragment': ModelOwnerFieldsFragment } } | null, baseModel: { id: string, name: string, licenseName: string, nonCommercial: boolean }, versions: Array<(
      { id: string, name: string, status: VersionStatus, publishedAt: string | null }
      & { ' $fragmentRefs'?: { 'GalleryFragment': GalleryFragment;'VersionDetailsFragment': VersionDetailsFragment;'VersionOffersFragment': VersionOffersFragment } }
    )> } };

export type VersionModelQueryVariables = Exact<{
  id: string;
}>;


export type VersionModelQuery = { modelVersion: { modelId: string } };

export type FacetValuesQueryVariables = Exact<{
  facet: SearchFacet;
  prefix: string;
  query?: string | null | undefined;
  filters?: SearchFilterInput | null | undefined;
  exclude?: SearchExcludeInput | null | undefined;
}>;


export type FacetValuesQuery = { facetValues: Array<{ value: string, count: number }> };

export type SuggestQueryVariables = Exact<{
  prefix: string;
}>;


export type SuggestQuery = { suggest: Array<{ kind: SuggestionKind, text: string, ref: string }> };

export type GalleryFragment = { id: string, sampleImages: Array<(
    { id: string, linkedVersionIds: Array<string>, generation: { tool: string, prompt: string | null, negativePrompt: string | null, seed: string | null, sampler: string | null, scheduler: string | null, steps: number | null, cfgScale: number | null, guidance: number | null, width: number | null, height: number | null, resources: Array<{ kind: string, name: string | null, hash: string | null, weight: number | null }> } | null }
    & { ' $fragmentRefs'?: { 'ImageFragment': ImageFragment } }
  )> } & { ' $fragmentName'?: 'GalleryFragment' };

export type VersionDetailsFragment = { id: string, name: string, changelog: string, publishedAt: string | null, downloadCount: number, access: VersionAccess, ownedByMe: boolean, triggerWords: Array<string>, recommendedSettings: Array<{ key: string, value: string }>, parents: Array<{ versionId: string, relation: ParentRelation }>, files: Array<{ id: string, fileName: string, format: string, precision: Precision | null, role: FileRole, sizeBytes: number | null, declaredSize: number, sha256: string | null, autoV2: string | null, scanStatus: ScanStatus }> } & { ' $fragmentName'?: 'VersionDetailsFragment' };

export type VersionOffersFragment = { id: string, name: string, ownedByMe: boolean, myLicenses: Array<{ id: string, tier: LicenseTier, status: LicenseStatus }>, licenseOffers: Array<{ ' $fragmentRefs'?: { 'LicenceOfferFragment': LicenceOfferFragment } }> } & { ' $fragmentName'?: 'VersionOffersFragment' };

export type RefundLineMutationVariables = Exact<{
  orderId: string;
  lineId: string;
  note?: string | null | undefined;
}>;


export type RefundLineMutation = { refundOrder: { id: string, status: RefundStatus, amount: number } };

export type OrderQueryVariables = Exact<{
  id: string;
}>;


export type OrderQuery = { order: { id: string, itemName: string, status: OrderStatus, amount: number, currency: string, createdAt: string, paidAt: string | null, refundedAmount: number, checkoutUrl: string | null, lastPaymentError: string | null, lines: Array<{ id: string, position: number, itemName: string, tier: string, amount: number, refundedAmount: number, status: OrderStatus, licenseId: string | null, unavailableReason: string | null, subjectId: string, subjectKind: LicenseSubjectKind, seller: { handle: string | null, displayName: string | null } }>, refunds: Array<{ id: string, amount: number, status: RefundStatus, reason: RefundReason, note: string | null, createdAt: string, lines: Array<{ lineId: string, amount: number }> }> } };

export type UpdateCollectionMutationVariables = Exact<{
  id: string;
  input: UpdateCollectionInput;
}>;


export type UpdateCollectionMutation = { updateCollection: { id: string } };

export type DeleteCollectionMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCollectionMutation = { deleteCollection: boolean };

export type MoveCollectionItemMutationVariables = Exact<{
  collectionId: string;
  id: string | number;
  afterId?: string | number | null | undefined;
}>;


export type MoveCollectionItemMutation = { moveCollectionItem: { id: string } };

export type SetCollectionItemNoteMutationVariables = Exact<{
  collectionId: string;
  id: string | number;
  note: string;
}>;


export type SetCollectionItemNoteMutation = { setCollectionItemNote: { id: string } };

export type InviteCollectionEditorMutationVariables = Exact<{
  collectionId: string;
  handle: string;
}>;


export type InviteCollectionEditorMutation = { inviteCollectionEditor: { id: string } };

export type AcceptCollectionInviteMutationVariables = Exact<{
  collectionId: string;
}>;


export type AcceptCollectionInviteMutation = { acceptCollectionInvite: { id: string } };

export type LeaveCollectionMutationVariables = Exact<{
  collectionId: string;
}>;


export type LeaveCollectionMutation = { leaveCollection: boolean };

export type RemoveCollectionEditorMutationVariables = Exact<{
  collectionId: string;
  userId: string;
}>;


export type RemoveCollectionEditorMutation = { removeCollectionEditor: { id: string } };

export type FollowCollectionMutationVariables = Exact<{
  id: string;
}>;


export type FollowCollectionMutation = { followCollection: { following: boolean, followerCount: number } };

export type UnfollowCollectionMutationVariables = Exact<{
  id: string;
}>;


export type UnfollowCollectionMutation = { unfollowCollection: { following: boolean, followerCount: number } };

export type CollectionPageQueryVariables = Exact<{
  id: string;
}>;


export type CollectionPageQuery = { collection: { id: string, title: string, description: string, visibility: CollectionVisibility, itemCount: number, followerCount: number, viewerFollows: boolean, viewerRole: CollectionRole, coverItemId: string | null, updatedAt: string, viewerCan: { editItems: boolean, editSettings: boolean, delete: boolean, manageEditors: boolean, accept: boolean, leave: boolean, follow: boolean }, owner: { id: string, handle: string, displayName: string } | null, editors: Array<{ id: string, handle: string, displayName: string, status: CollectionMemberStatus }>, items: Array<{ id: string, kind: CollectionItemKind, itemId: string, note: string, available: boolean, imageModelId: string | null, image: (
        { id: string }
        & { ' $fragmentRefs'?: { 'ImageFragment': ImageFragment } }
      ) | null, model: { ' $fragmentRefs'?: { 'ModelCardFragment': ModelCardFragment } } | null, template: { ' $fragmentRefs'?: { 'TemplateCardFragment': TemplateCardFragment } } | null }> } };

export type StartOnboardingMutationVariables = Exact<{ [key: string]: never; }>;


export type StartOnboardingMutation = { startPayoutOnboarding: { url: string } };

export type EarningsQueryVariables = Exact<{ [key: string]: never; }>;


export type EarningsQuery = { myEarnings: Array<{ currency: string, pending: number, available: number, paidOut: number, lifetimeEarnings: number }>, myEarningsByDay: Array<{ currency: string, total: number, days: Array<{ day: string, amount: number }> }>, myPayoutAccount: { status: PayoutAccountStatus, payoutsEnabled: boolean, requirementsDue: Array<string>, payoutFailureCode: string | null }, mySales: { nodes: Array<{ orderId: string, itemName: string, tier: string, status: OrderStatus, paidAt: string, currency: string, price: number, platformFee: number, platformFeeBps: number, processorFee: number | null, refundedAmount: number, yourShare: number, splits: Array<{ role: SplitRole, shareBps: number, amount: number, clawedBack: number, reversedAmount: number, transferAmount: number | null, transferStatus: TransferStatus, transferableAt: string, recipient: { handle: string | null, displayName: string | null } }> }> }, myPayouts: { nodes: Array<{ id: string, amount: number, currency: string, status: PayoutStatus, createdAt: string, arrivalDate: string | null, failureCode: string | null }> } };

export type FollowingFeedQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type FollowingFeedQuery = { followingFeed: { nodes: Array<{ id: string, verb: FeedVerb, createdAt: string, subjectKind: LikeSubjectKind, subjectId: string, subjectName: string, versionName: string, actor: { id: string, handle: string, displayName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type HomeSectionQueryVariables = Exact<{
  sort: SearchSort;
  first: number;
}>;


export type HomeSectionQuery = { search: { hits: Array<{ kind: SearchKind, counts: { likes: number, downloads: number, rating: number | null, ratingCount: number }, price: { free: boolean, cheapestPaid: { tier: LicenseTier, amount: number, currency: string } | null }, model: (
        { id: string, owner: { handle: string, displayName: string } | null }
        & { ' $fragmentRefs'?: { 'ModelCardFragment': ModelCardFragment } }
      ) | null, template: (
        { id: string, owner: { handle: string, displayName: string } | null }
        & { ' $fragmentRefs'?: { 'TemplateCardFragment': TemplateCardFragment } }
      ) | null }> } };

export type HomeFollowingQueryVariables = Exact<{
  first: number;
}>;


export type HomeFollowingQuery = { followingFeed: { nodes: Array<{ id: string, verb: FeedVerb, createdAt: string, subjectKind: LikeSubjectKind, subjectId: string, subjectName: string, versionName: string, actor: { id: string, handle: string, displayName: string }, counts: { likes: number, downloads: number, rating: number | null, ratingCount: number } }> } };

export type RequestRefundMutationVariables = Exact<{
  orderId: string;
  note?: string | null | undefined;
}>;


export type RequestRefundMutation = { refundOrder: { id: string, status: RefundStatus, amount: number } };

export type LibraryLicensesQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LibraryLicensesQuery = { myLicenses: { nodes: Array<{ id: string, tier: LicenseTier, status: LicenseStatus, source: LicenseSource | null, resourceName: string, subjectKind: LicenseSubjectKind, subjectId: string, issuedAt: string, certificate: string | null, fileSha256s: Array<string>, revocationReason: RevocationReason | null, priceAmount: number | null, priceCurrency: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LibraryOrdersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LibraryOrdersQuery = { myOrders: { nodes: Array<{ id: string, itemName: string, tier: string, status: OrderStatus, amount: number, currency: string, refundedAmount: number, createdAt: string, paidAt: string | null, lines: Array<{ id: string, itemName: string, status: OrderStatus }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NotificationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  unreadOnly?: boolean | null | undefined;
}>;


export type NotificationsQuery = { notifications: { nodes: Array<{ id: string, kind: NotificationKind, text: string, url: string, count: number, read: boolean, createdAt: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UnreadNotificationCountQueryVariables = Exact<{ [key: string]: never; }>;


export type UnreadNotificationCountQuery = { unreadNotificationCount: number };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { notificationPreferences: Array<{ kind: NotificationKind, inApp: boolean, email: NotificationEmail }> };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string> | string;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  preferences: Array<NotificationPreferenceInput> | NotificationPreferenceInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: Array<{ kind: NotificationKind, inApp: boolean, email: NotificationEmail }> };

export type BlockHashMutationVariables = Exact<{
  sha256: string;
  reason: string;
}>;


export type BlockHashMutation = { blockFileHash: boolean };

export type RevokeLicenseMutationVariables = Exact<{
  id: string;
  reason: RevocationReason;
  note?: string | null | undefined;
}>;


export type RevokeLicenseMutation = { revokeLicense: { id: string, status: LicenseStatus } };

export type StaffUserQueryVariables = Exact<{
  handle: string;
}>;


export type StaffUserQuery = { user: { id: string, handle: string, displayName: string } };

export type SetRolesMutationVariables = Exact<{
  userId: string;
  roles: Array<Role> | Role;
}>;


export type SetRolesMutation = { setUserRoles: { id: string } };

export type UpsertBaseModelMutationVariables = Exact<{
  input: BaseModelInput;
}>;


export type UpsertBaseModelMutation = { upsertBaseModel: { id: string } };

export type MoneyReviewQueueQueryVariables = Exact<{ [key: string]: never; }>;


export type MoneyReviewQueueQuery = { moneyReviewQueue: Array<{ kind: MoneyReviewKind, detail: string, amount: number | null, currency: string | null, orderId: string | null, since: string }> };

export type CreateModelMutationVariables = Exact<{
  input: CreateStyleModelInput;
}>;


export type CreateModelMutation = { createStyleModel: { id: string } };

export type UpdateModelMutationVariables = Exact<{
  id: string;
  input: UpdateStyleModelInput;
}>;


export type UpdateModelMutation = { updateStyleModel: { id: string } };

export type ChangeModelStatusMutationVariables = Exact<{
  id: string;
  status: ModelStatus;
}>;


export type ChangeModelStatusMutation = { changeStyleModelStatus: { id: string, status: ModelStatus } };

export type CreateVersionMutationVariables = Exact<{
  modelId: string;
  input: CreateModelVersionInput;
}>;


export type CreateVersionMutation = { createModelVersion: { id: string } };

export type UpdateVersionMutationVariables = Exact<{
  id: string;
  input: UpdateModelVersionInput;
}>;


export type UpdateVersionMutation = { updateModelVersion: { id: string } };

export type PublishVersionMutationVariables = Exact<{
  id: string;
}>;


export type PublishVersionMutation = { publishModelVersion: { id: string, status: VersionStatus } };

export type DeriveModelMutationVariables = Exact<{
  modelId: string;
  parentModelId: string;
  relation: string;
  shareBps: number;
}>;


export type DeriveModelMutation = { deriveModel: { parentId: string } };

export type MyTemplatesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTemplatesQuery = { myTemplates: Array<{ id: string, name: string, status: TemplateStatus, ipId: string | null, createdAt: string }> };

export type MyModelsQueryVariables = Exact<{
  ownerId: string;
  after?: string | null | undefined;
}>;


export type MyModelsQuery = { styleModels: { nodes: Array<{ id: string, name: string, type: ModelType, status: ModelStatus, updatedAt: string, baseModel: { name: string }, versions: Array<{ id: string, name: string, status: VersionStatus }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StudioModelQueryVariables = Exact<{
  id: string;
}>;


export type StudioModelQuery = { styleModel: { id: string, name: string, type: ModelType, baseModelId: string, description: string, tags: Array<string>, maturity: Maturity, status: ModelStatus, versions: Array<{ id: string, name: string, status: VersionStatus, createdAt: string, publishedAt: string | null, files: Array<{ id: string }>, sampleImages: Array<{ id: string }> }> } };

export type StudioVersionQueryVariables = Exact<{
  id: string;
}>;


export type StudioVersionQuery = { modelVersion: { id: string, modelId: string, name: string, status: VersionStatus, changelog: string, triggerWords: Array<string>, recommendedSettings: Array<{ key: string, value: string }>, files: Array<{ id: string, fileName: string, sizeBytes: number | null, declaredSize: number, scanStatus: ScanStatus, rejectionMessage: string | null, sha256: string | null }>, sampleImages: Array<(
      { id: string }
      & { ' $fragmentRefs'?: { 'ImageFragment': ImageFragment } }
    )>, licenseOffers: Array<{ ' $fragmentRefs'?: { 'LicenceOfferFragment': LicenceOfferFragment } }> } };

export type StudioVersionModelQueryVariables = Exact<{
  id: string;
}>;


export type StudioVersionModelQuery = { styleModel: { id: string, name: string, status: ModelStatus, baseModel: { name: string, nonCommercial: boolean } } };

export type CreateUploadMutationVariables = Exact<{
  versionId: string;
  input: CreateUploadInput;
}>;


export type CreateUploadMutation = { createModelFileUpload: { file: { id: string }, upload: { id: string, partSize: number, partCount: number } } };

export type UploadedPartsQueryVariables = Exact<{
  uploadId: string;
}>;


export type UploadedPartsQuery = { uploadedParts: Array<{ partNumber: number, size: number }> };

export type PartUrlsMutationVariables = Exact<{
  uploadId: string;
  partNumbers: Array<number> | number;
}>;


export type PartUrlsMutation = { requestUploadPartUrls: Array<{ partNumber: number, url: string }> };

export type CompleteUploadMutationVariables = Exact<{
  uploadId: string;
}>;


export type CompleteUploadMutation = { completeModelFileUpload: { id: string, scanStatus: ScanStatus } };

export type AbortUploadMutationVariables = Exact<{
  uploadId: string;
}>;


export type AbortUploadMutation = { abortModelFileUpload: boolean };

export type TemplateSlotFieldsFragment = { key: string, nodeId: string, widget: string, label: string, type: TemplateSlotType, default: string, min: number | null, max: number | null, options: Array<string> | null, pattern: string | null, maxLength: number | null } & { ' $fragmentName'?: 'TemplateSlotFieldsFragment' };

export type SetTemplateSlotsMutationVariables = Exact<{
  versionId: string;
  slots: Array<TemplateSlotInput> | TemplateSlotInput;
}>;


export type SetTemplateSlotsMutation = { setTemplateSlots: { id: string } };

export type PublishTemplateVersionMutationVariables = Exact<{
  versionId: string;
}>;


export type PublishTemplateVersionMutation = { publishTemplateVersion: { id: string, status: TemplateVersionStatus } };

export type CreateTemplateMutationVariables = Exact<{
  input: CreateTemplateInput;
}>;


export type CreateTemplateMutation = { createTemplate: { id: string } };

export type RemixTemplateMutationVariables = Exact<{
  parentId: string;
  name: string;
  shareBps: number;
}>;


export type RemixTemplateMutation = { remixTemplate: { id: string } };

export type RegisterIpMutationVariables = Exact<{
  input: RegisterIpInput;
}>;


export type RegisterIpMutation = { registerIntellectualProperty: { id: string } };

export type BindTemplateMutationVariables = Exact<{
  templateId: string;
  ipId: string;
  terms: RemixTermsInput;
  lockedSubgraphId?: string | null | undefined;
}>;


export type BindTemplateMutation = { bindTemplateToIp: { id: string, ipId: string | null } };

export type UnbindTemplateMutationVariables = Exact<{
  templateId: string;
}>;


export type UnbindTemplateMutation = { unbindTemplateFromIp: { releasedRemixes: number, approvedRemixes: number, template: { id: string, name: string } } };

export type DecideRemixMutationVariables = Exact<{
  templateId: string;
  approve: boolean;
}>;


export type DecideRemixMutation = { decideRemix: { status: RemixStatus } };

export type CheckoutOffersMutationVariables = Exact<{
  offerIds: Array<string> | string;
}>;


export type CheckoutOffersMutation = { checkoutOffers: { checkoutUrl: string, order: { id: string } } };

export type TemplatePageQueryVariables = Exact<{
  id: string;
}>;


export type TemplatePageQuery = { template: { id: string, ownerId: string, name: string, description: string, tags: Array<string>, status: TemplateStatus, ipId: string | null, likeCount: number, viewerHasLiked: boolean, owner: { ' $fragmentRefs'?: { 'TemplateOwnerFieldsFragment': TemplateOwnerFieldsFragment } } | null, rating: { average: number | null, count: number, histogram: Array<number> }, terms: { remixAllowed: boolean, changeableSlots: Array<string> | null, allowedUses: Array<TemplateUse>, attribution: Array<string>, ipShareBps: number, maxMaturity: Maturity, requiredTags: Array<string>, approval: RemixApproval } | null, versions: Array<{ id: string, label: string, status: TemplateVersionStatus, hasWorkflow: boolean, hasPrompt: boolean, sourceSha256: string, sampleImages: Array<(
        { id: string }
        & { ' $fragmentRefs'?: { 'ImageFragment': ImageFragment } }
      )>, slots: Array<{ ' $fragmentRefs'?: { 'TemplateSlotFieldsFragment': TemplateSlotFieldsFragment } }>, suggestedSlots: Array<{ ' $fragmentRefs'?: { 'TemplateSlotFieldsFragment': TemplateSlotFieldsFragment } }>, lockfile: { nodes: Array<{ id: string, source: string, version: string | null }>, models: Array<{ slot: string, kind: string, folder: string, name: string, sha256: string | null, unused: boolean }> }, warnings: Array<{ code: string, message: string }>, myLicenses: Array<{ id: string, tier: LicenseTier }>, licenseOffers: Array<{ ' $fragmentRefs'?: { 'LicenceOfferFragment': LicenceOfferFragment } }> }> }, templateLineage: { ancestors: Array<{ parentId: string, depth: number | null, status: RemixStatus, shareBps: number }>, descendants: Array<{ childId: string, depth: number | null, status: RemixStatus }> } };

export type TemplateRollupQueryVariables = Exact<{
  versionId: string;
  purpose: TemplateUse;
}>;


export type TemplateRollupQuery = { templateVersion: { id: string, licenseRollup: { purpose: TemplateUse, verdict: LicenseRollupVerdict, reasons: Array<string>, lines: Array<{ kind: string, name: string, slot: string | null, status: LicenseRollupStatus, reason: string, resolved: { matchedBy: string, modelId: string, modelName: string, versionName: string } | null, published: { matchedBy: string, title: string, fileName: string, baseModelName: string | null, sourceUrl: string, license: { name: string, url: string | null, conditions: string | null, nonCommercial: boolean } } | null, held: { id: string, tier: LicenseTier } | null, offer: { id: string, tier: LicenseTier, priceAmount: number, priceCurrency: string } | null }>, missingTotals: Array<{ currency: string, amount: number, licenses: number }> } } };

export type IpConsoleQueryVariables = Exact<{ [key: string]: never; }>;


export type IpConsoleQuery = { myIntellectualProperties: Array<{ id: string, name: string, kind: IpKind, description: string }>, myTemplates: Array<{ id: string, name: string, status: TemplateStatus, ipId: string | null, terms: { ipShareBps: number, approval: RemixApproval } | null, ipBinding: { ipId: string, boundAt: string, lockedSubgraph: { name: string } | null } | null }>, remixQueue: Array<{ childId: string, parentId: string, shareBps: number, createdAt: string, child: { name: string, owner: { ' $fragmentRefs'?: { 'TemplateOwnerFieldsFragment': TemplateOwnerFieldsFragment } } | null } | null, parent: { name: string } | null }> };

export type TemplateSubgraphsQueryVariables = Exact<{
  id: string;
}>;


export type TemplateSubgraphsQuery = { template: { id: string, versions: Array<{ id: string, subgraphs: Array<{ id: string, name: string }> }> } };

export type RenderTemplateQueryVariables = Exact<{
  versionId: string;
  params?: Array<TemplateParamInput> | TemplateParamInput | null | undefined;
}>;


export type RenderTemplateQuery = { renderTemplate: { workflow: string | null, prompt: string | null } };

export type VerifyLicenseQueryVariables = Exact<{
  certificate: string;
}>;


export type VerifyLicenseQuery = { verifyLicense: { valid: boolean, status: LicenseStatus | null, problem: LicenseProblem | null, message: string | null, license: { id: string, tier: LicenseTier, status: LicenseStatus, resourceName: string, subjectId: string, issuedAt: string, revokedAt: string | null, revocationReason: RevocationReason | null, termsText: string, fileSha256s: Array<string>, licensee: { handle: string, displayName: string }, permissions: { commercialUse: CommercialUse, derivativesAllowed: boolean, creditRequired: boolean, creditLine: string | null, seats: number | null } } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CollectionCardFieldsFragmentDoc = new TypedDocumentString(`
    fragment CollectionCardFields on Collection {
  id
  title
  description
  visibility
  itemCount
  followerCount
  viewerRole
  cover {
    url
    width
    height
    placeholder
    thumbnails {
      url
      width
      height
    }
  }
  owner {
    id
    handle
    displayName
  }
}
    `, {"fragmentName":"CollectionCardFields"}) as unknown as TypedDocumentString<CollectionCardFieldsFragment, unknown>;
export const CommentFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommentFields on Comment {
  id
  parentId
  replyToId
  depth
  text
  createdAt
  editedAt
  deleted
  hidden
  pinned
  replyCount
  viewerIsAuthor
  author {
    id
    handle
    displayName
  }
  body {
    type
    parent
    text
    href
    userId
  }
}
    `, {"fragmentName":"CommentFields"}) as unknown as TypedDocumentString<CommentFieldsFragment, unknown>;
export const ReviewFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}
    `, {"fragmentName":"ReviewFields"}) as unknown as TypedDocumentString<ReviewFieldsFragment, unknown>;
export const ModelOwnerFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModelOwnerFields on ModelOwner {
  id
  handle
  displayName
}
    `, {"fragmentName":"ModelOwnerFields"}) as unknown as TypedDocumentString<ModelOwnerFieldsFragment, unknown>;
export const ImageFragmentDoc = new TypedDocumentString(`
    fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}
    `, {"fragmentName":"Image"}) as unknown as TypedDocumentString<ImageFragment, unknown>;
export const ModelCardFragmentDoc = new TypedDocumentString(`
    fragment ModelCard on StyleModel {
  id
  name
  type
  owner {
    ...ModelOwnerFields
  }
  baseModel {
    name
  }
  versions {
    id
    sampleImages {
      id
      ...Image
    }
    licenseOffers {
      id
      tier
      priceAmount
      priceCurrency
      permissions {
        commercialUse
        derivativesAllowed
      }
    }
  }
}
    fragment ModelOwnerFields on ModelOwner {
  id
  handle
  displayName
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}`, {"fragmentName":"ModelCard"}) as unknown as TypedDocumentString<ModelCardFragment, unknown>;
export const TemplateOwnerFieldsFragmentDoc = new TypedDocumentString(`
    fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}
    `, {"fragmentName":"TemplateOwnerFields"}) as unknown as TypedDocumentString<TemplateOwnerFieldsFragment, unknown>;
export const TemplateCardFragmentDoc = new TypedDocumentString(`
    fragment TemplateCard on WorkflowTemplate {
  id
  name
  tags
  ipId
  cover {
    ...Image
  }
  owner {
    ...TemplateOwnerFields
  }
}
    fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}`, {"fragmentName":"TemplateCard"}) as unknown as TypedDocumentString<TemplateCardFragment, unknown>;
export const GalleryFragmentDoc = new TypedDocumentString(`
    fragment Gallery on ModelVersion {
  id
  sampleImages {
    id
    ...Image
    linkedVersionIds
    generation {
      tool
      prompt
      negativePrompt
      seed
      sampler
      scheduler
      steps
      cfgScale
      guidance
      width
      height
      resources {
        kind
        name
        hash
        weight
      }
    }
  }
}
    fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}`, {"fragmentName":"Gallery"}) as unknown as TypedDocumentString<GalleryFragment, unknown>;
export const VersionDetailsFragmentDoc = new TypedDocumentString(`
    fragment VersionDetails on ModelVersion {
  id
  name
  changelog
  publishedAt
  downloadCount
  access
  ownedByMe
  triggerWords
  recommendedSettings {
    key
    value
  }
  parents {
    versionId
    relation
  }
  files {
    id
    fileName
    format
    precision
    role
    sizeBytes
    declaredSize
    sha256
    autoV2
    scanStatus
  }
}
    `, {"fragmentName":"VersionDetails"}) as unknown as TypedDocumentString<VersionDetailsFragment, unknown>;
export const LicenceOfferFragmentDoc = new TypedDocumentString(`
    fragment LicenceOffer on LicenseOffer {
  id
  tier
  revision
  priceAmount
  priceCurrency
  termsText
  termsSha256
  permissions {
    commercialUse
    derivativesAllowed
    derivativeMayChangeLicense
    creditRequired
    creditLine
    seats
    revenueCap
    printRunCap
  }
}
    `, {"fragmentName":"LicenceOffer"}) as unknown as TypedDocumentString<LicenceOfferFragment, unknown>;
export const VersionOffersFragmentDoc = new TypedDocumentString(`
    fragment VersionOffers on ModelVersion {
  id
  name
  ownedByMe
  myLicenses {
    id
    tier
    status
  }
  licenseOffers {
    ...LicenceOffer
  }
}
    fragment LicenceOffer on LicenseOffer {
  id
  tier
  revision
  priceAmount
  priceCurrency
  termsText
  termsSha256
  permissions {
    commercialUse
    derivativesAllowed
    derivativeMayChangeLicense
    creditRequired
    creditLine
    seats
    revenueCap
    printRunCap
  }
}`, {"fragmentName":"VersionOffers"}) as unknown as TypedDocumentString<VersionOffersFragment, unknown>;
export const TemplateSlotFieldsFragmentDoc = new TypedDocumentString(`
    fragment TemplateSlotFields on TemplateSlot {
  key
  nodeId
  widget
  label
  type
  default
  min
  max
  options
  pattern
  maxLength
}
    `, {"fragmentName":"TemplateSlotFields"}) as unknown as TypedDocumentString<TemplateSlotFieldsFragment, unknown>;
export const BaseModelsDocument = new TypedDocumentString(`
    query BaseModels {
  baseModels {
    id
    name
    ecosystem
    nonCommercial
    licenseName
  }
}
    `) as unknown as TypedDocumentString<BaseModelsQuery, BaseModelsQueryVariables>;
export const CheckoutDocument = new TypedDocumentString(`
    mutation Checkout($offerId: UUID!) {
  checkout(offerId: $offerId) {
    checkoutUrl
    order {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CheckoutMutation, CheckoutMutationVariables>;
export const FeaturedCollectionsDocument = new TypedDocumentString(`
    query FeaturedCollections($first: Int!) {
  featuredCollections(first: $first) {
    ...CollectionCardFields
  }
}
    fragment CollectionCardFields on Collection {
  id
  title
  description
  visibility
  itemCount
  followerCount
  viewerRole
  cover {
    url
    width
    height
    placeholder
    thumbnails {
      url
      width
      height
    }
  }
  owner {
    id
    handle
    displayName
  }
}`) as unknown as TypedDocumentString<FeaturedCollectionsQuery, FeaturedCollectionsQueryVariables>;
export const MemberCollectionsDocument = new TypedDocumentString(`
    query MemberCollections($handle: String!) {
  memberCollections(handle: $handle, first: 48) {
    ...CollectionCardFields
  }
}
    fragment CollectionCardFields on Collection {
  id
  title
  description
  visibility
  itemCount
  followerCount
  viewerRole
  cover {
    url
    width
    height
    placeholder
    thumbnails {
      url
      width
      height
    }
  }
  owner {
    id
    handle
    displayName
  }
}`) as unknown as TypedDocumentString<MemberCollectionsQuery, MemberCollectionsQueryVariables>;
export const MyCollectionsDocument = new TypedDocumentString(`
    query MyCollections {
  myCollections {
    ...CollectionCardFields
    id
    title
    visibility
    viewerRole
    viewerCan {
      editItems
    }
  }
}
    fragment CollectionCardFields on Collection {
  id
  title
  description
  visibility
  itemCount
  followerCount
  viewerRole
  cover {
    url
    width
    height
    placeholder
    thumbnails {
      url
      width
      height
    }
  }
  owner {
    id
    handle
    displayName
  }
}`) as unknown as TypedDocumentString<MyCollectionsQuery, MyCollectionsQueryVariables>;
export const CollectionsHoldingDocument = new TypedDocumentString(`
    query CollectionsHolding($kind: CollectionItemKind!, $itemId: UUID!) {
  collectionsHolding(kind: $kind, itemId: $itemId)
}
    `) as unknown as TypedDocumentString<CollectionsHoldingQuery, CollectionsHoldingQueryVariables>;
export const CreateCollectionDocument = new TypedDocumentString(`
    mutation CreateCollection($input: CreateCollectionInput!) {
  createCollection(input: $input) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<CreateCollectionMutation, CreateCollectionMutationVariables>;
export const AddToCollectionDocument = new TypedDocumentString(`
    mutation AddToCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!, $note: String) {
  addToCollection(
    collectionId: $collectionId
    kind: $kind
    itemId: $itemId
    note: $note
  ) {
    id
    itemCount
  }
}
    `) as unknown as TypedDocumentString<AddToCollectionMutation, AddToCollectionMutationVariables>;
export const RemoveFromCollectionDocument = new TypedDocumentString(`
    mutation RemoveFromCollection($collectionId: UUID!, $kind: CollectionItemKind!, $itemId: UUID!) {
  removeFromCollection(collectionId: $collectionId, kind: $kind, itemId: $itemId) {
    id
    itemCount
  }
}
    `) as unknown as TypedDocumentString<RemoveFromCollectionMutation, RemoveFromCollectionMutationVariables>;
export const DiscussionPageDocument = new TypedDocumentString(`
    query DiscussionPage($kind: DiscussionSubjectKind!, $id: UUID!, $order: CommentOrder!, $first: Int!, $after: String) {
  discussion(
    subjectKind: $kind
    subjectId: $id
    order: $order
    first: $first
    after: $after
  ) {
    commentCount
    viewerIsCreator
    endCursor
    hasMore
    comments {
      ...CommentFields
      replies {
        ...CommentFields
        replies {
          ...CommentFields
        }
      }
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  replyToId
  depth
  text
  createdAt
  editedAt
  deleted
  hidden
  pinned
  replyCount
  viewerIsAuthor
  author {
    id
    handle
    displayName
  }
  body {
    type
    parent
    text
    href
    userId
  }
}`) as unknown as TypedDocumentString<DiscussionPageQuery, DiscussionPageQueryVariables>;
export const MoreRepliesDocument = new TypedDocumentString(`
    query MoreReplies($id: UUID!, $first: Int!, $after: String) {
  commentReplies(commentId: $id, first: $first, after: $after) {
    endCursor
    hasMore
    replies {
      ...CommentFields
      replies {
        ...CommentFields
      }
    }
  }
}
    fragment CommentFields on Comment {
  id
  parentId
  replyToId
  depth
  text
  createdAt
  editedAt
  deleted
  hidden
  pinned
  replyCount
  viewerIsAuthor
  author {
    id
    handle
    displayName
  }
  body {
    type
    parent
    text
    href
    userId
  }
}`) as unknown as TypedDocumentString<MoreRepliesQuery, MoreRepliesQueryVariables>;
export const CommentPreviewDocument = new TypedDocumentString(`
    query CommentPreview($text: String!) {
  commentPreview(text: $text) {
    type
    parent
    text
    href
    userId
  }
}
    `) as unknown as TypedDocumentString<CommentPreviewQuery, CommentPreviewQueryVariables>;
export const PostCommentDocument = new TypedDocumentString(`
    mutation PostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PostCommentMutation, PostCommentMutationVariables>;
export const EditCommentDocument = new TypedDocumentString(`
    mutation EditComment($id: UUID!, $text: String!) {
  editComment(id: $id, text: $text) {
    id
  }
}
    `) as unknown as TypedDocumentString<EditCommentMutation, EditCommentMutationVariables>;
export const DeleteCommentDocument = new TypedDocumentString(`
    mutation DeleteComment($id: UUID!) {
  deleteComment(id: $id) {
    id
    removed
  }
}
    `) as unknown as TypedDocumentString<DeleteCommentMutation, DeleteCommentMutationVariables>;
export const PinCommentDocument = new TypedDocumentString(`
    mutation PinComment($id: UUID!, $pinned: Boolean!) {
  pinComment(id: $id, pinned: $pinned) {
    id
  }
}
    `) as unknown as TypedDocumentString<PinCommentMutation, PinCommentMutationVariables>;
export const HideCommentDocument = new TypedDocumentString(`
    mutation HideComment($id: UUID!, $hidden: Boolean!) {
  hideComment(id: $id, hidden: $hidden) {
    id
  }
}
    `) as unknown as TypedDocumentString<HideCommentMutation, HideCommentMutationVariables>;
export const PublicModelParentsDocument = new TypedDocumentString(`
    query PublicModelParents($modelId: UUID!) {
  modelParents(modelId: $modelId) {
    parentId
    relation
    shareBps
    parentModel {
      id
      name
      owner {
        displayName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PublicModelParentsQuery, PublicModelParentsQueryVariables>;
export const SetOffersDocument = new TypedDocumentString(`
    mutation SetOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {
  setLicenseOffers(versionId: $versionId, offers: $offers) {
    id
    tier
    revision
  }
}
    `) as unknown as TypedDocumentString<SetOffersMutation, SetOffersMutationVariables>;
export const SetTemplateOffersDocument = new TypedDocumentString(`
    mutation SetTemplateOffers($versionId: UUID!, $offers: [LicenseOfferInput!]!) {
  setTemplateLicenseOffers(versionId: $versionId, offers: $offers) {
    id
    tier
    revision
  }
}
    `) as unknown as TypedDocumentString<SetTemplateOffersMutation, SetTemplateOffersMutationVariables>;
export const SubjectReviewsDocument = new TypedDocumentString(`
    query SubjectReviews($kind: ReviewSubjectKind!, $subjectId: UUID!, $first: Int!, $after: String) {
  reviews(kind: $kind, subjectId: $subjectId, first: $first, after: $after) {
    nodes {
      ...ReviewFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}`) as unknown as TypedDocumentString<SubjectReviewsQuery, SubjectReviewsQueryVariables>;
export const MemberReviewsDocument = new TypedDocumentString(`
    query MemberReviews($userId: UUID!, $first: Int!, $after: String) {
  memberReviews(userId: $userId, first: $first, after: $after) {
    nodes {
      ...ReviewFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}`) as unknown as TypedDocumentString<MemberReviewsQuery, MemberReviewsQueryVariables>;
export const ReviewEligibilityDocument = new TypedDocumentString(`
    query ReviewEligibility($kind: ReviewSubjectKind!, $subjectId: UUID!) {
  reviewEligibility(kind: $kind, subjectId: $subjectId) {
    canReview
    reason
    licenseTier
    review {
      ...ReviewFields
    }
  }
}
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}`) as unknown as TypedDocumentString<ReviewEligibilityQuery, ReviewEligibilityQueryVariables>;
export const ReviewRevisionsDocument = new TypedDocumentString(`
    query ReviewRevisions($reviewId: UUID!) {
  reviewRevisions(reviewId: $reviewId) {
    revision
    rating
    body
    writtenAt
  }
}
    `) as unknown as TypedDocumentString<ReviewRevisionsQuery, ReviewRevisionsQueryVariables>;
export const WriteReviewDocument = new TypedDocumentString(`
    mutation WriteReview($kind: ReviewSubjectKind!, $subjectId: UUID!, $input: ReviewInput!) {
  writeReview(kind: $kind, subjectId: $subjectId, input: $input) {
    ...ReviewFields
  }
}
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}`) as unknown as TypedDocumentString<WriteReviewMutation, WriteReviewMutationVariables>;
export const EditReviewDocument = new TypedDocumentString(`
    mutation EditReview($reviewId: UUID!, $input: ReviewInput!) {
  editReview(reviewId: $reviewId, input: $input) {
    ...ReviewFields
  }
}
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}`) as unknown as TypedDocumentString<EditReviewMutation, EditReviewMutationVariables>;
export const ReplyToReviewDocument = new TypedDocumentString(`
    mutation ReplyToReview($reviewId: UUID!, $body: String!) {
  replyToReview(reviewId: $reviewId, body: $body) {
    ...ReviewFields
  }
}
    fragment ReviewFields on Review {
  id
  subjectKind
  subjectId
  subjectName
  author {
    id
    handle
    displayName
  }
  rating
  body
  licenseTier
  verified
  helpfulCount
  viewerFoundHelpful
  editCount
  createdAt
  editedAt
  reply {
    body
    repliedAt
    editedAt
  }
}`) as unknown as TypedDocumentString<ReplyToReviewMutation, ReplyToReviewMutationVariables>;
export const VoteReviewHelpfulDocument = new TypedDocumentString(`
    mutation VoteReviewHelpful($reviewId: UUID!, $helpful: Boolean!) {
  voteReviewHelpful(reviewId: $reviewId, helpful: $helpful) {
    id
    helpfulCount
    viewerFoundHelpful
  }
}
    `) as unknown as TypedDocumentString<VoteReviewHelpfulMutation, VoteReviewHelpfulMutationVariables>;
export const SavedSearchesDocument = new TypedDocumentString(`
    query SavedSearches {
  savedSearches {
    id
    name
    query
    sort
    url
    createdAt
  }
}
    `) as unknown as TypedDocumentString<SavedSearchesQuery, SavedSearchesQueryVariables>;
export const SaveSearchDocument = new TypedDocumentString(`
    mutation SaveSearch($name: String, $query: String, $filters: SearchFilterInput, $exclude: SearchExcludeInput, $sort: SearchSort) {
  saveSearch(
    name: $name
    query: $query
    filters: $filters
    exclude: $exclude
    sort: $sort
  ) {
    id
    name
    url
  }
}
    `) as unknown as TypedDocumentString<SaveSearchMutation, SaveSearchMutationVariables>;
export const RenameSavedSearchDocument = new TypedDocumentString(`
    mutation RenameSavedSearch($id: UUID!, $name: String!) {
  renameSavedSearch(id: $id, name: $name) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<RenameSavedSearchMutation, RenameSavedSearchMutationVariables>;
export const DeleteSavedSearchDocument = new TypedDocumentString(`
    mutation DeleteSavedSearch($id: UUID!) {
  deleteSavedSearch(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteSavedSearchMutation, DeleteSavedSearchMutationVariables>;
export const BrowseDocument = new TypedDocumentString(`
    query Browse($query: String, $filters: SearchFilterInput, $exclude: SearchExcludeInput, $sort: SearchSort, $first: Int!, $after: String, $withFacets: Boolean!) {
  search(
    query: $query
    filters: $filters
    exclude: $exclude
    sort: $sort
    first: $first
    after: $after
  ) {
    total
    hasNextPage
    endCursor
    didYouMean
    droppedWords
    hashMatch
    maturity
    hits {
      kind
      counts {
        likes
        downloads
        rating
        ratingCount
      }
      price {
        free
        cheapestPaid {
          tier
          amount
          currency
        }
      }
      model {
        id
        ...ModelCard
      }
      template {
        id
        ...TemplateCard
      }
      highlights {
        field
        segments {
          text
          match
        }
      }
    }
    facets @include(if: $withFacets) {
      facet
      values {
        value
        count
      }
    }
    creators(first: 4) @include(if: $withFacets) {
      handle
      name
      models
      templates
    }
  }
}
    fragment ModelOwnerFields on ModelOwner {
  id
  handle
  displayName
}
fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}
fragment ModelCard on StyleModel {
  id
  name
  type
  owner {
    ...ModelOwnerFields
  }
  baseModel {
    name
  }
  versions {
    id
    sampleImages {
      id
      ...Image
    }
    licenseOffers {
      id
      tier
      priceAmount
      priceCurrency
      permissions {
        commercialUse
        derivativesAllowed
      }
    }
  }
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}
fragment TemplateCard on WorkflowTemplate {
  id
  name
  tags
  ipId
  cover {
    ...Image
  }
  owner {
    ...TemplateOwnerFields
  }
}`) as unknown as TypedDocumentString<BrowseQuery, BrowseQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    handle
    displayName
    email
    roles
    maxMaturity
    createdAt
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const LikeDocument = new TypedDocumentString(`
    mutation Like($kind: LikeSubjectKind!, $id: UUID!) {
  like(kind: $kind, id: $id) {
    liked
    likeCount
  }
}
    `) as unknown as TypedDocumentString<LikeMutation, LikeMutationVariables>;
export const UnlikeDocument = new TypedDocumentString(`
    mutation Unlike($kind: LikeSubjectKind!, $id: UUID!) {
  unlike(kind: $kind, id: $id) {
    liked
    likeCount
  }
}
    `) as unknown as TypedDocumentString<UnlikeMutation, UnlikeMutationVariables>;
export const FollowDocument = new TypedDocumentString(`
    mutation Follow($kind: FollowTargetKind!, $id: UUID!) {
  follow(kind: $kind, id: $id) {
    following
    followerCount
  }
}
    `) as unknown as TypedDocumentString<FollowMutation, FollowMutationVariables>;
export const UnfollowDocument = new TypedDocumentString(`
    mutation Unfollow($kind: FollowTargetKind!, $id: UUID!) {
  unfollow(kind: $kind, id: $id) {
    following
    followerCount
  }
}
    `) as unknown as TypedDocumentString<UnfollowMutation, UnfollowMutationVariables>;
export const FollowStateDocument = new TypedDocumentString(`
    query FollowState($kind: FollowTargetKind!, $id: UUID!) {
  followState(kind: $kind, id: $id) {
    following
    followerCount
  }
}
    `) as unknown as TypedDocumentString<FollowStateQuery, FollowStateQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($input: SignInInput!) {
  signIn(input: $input) {
    accessToken
    accessTokenExpiresAt
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    accessToken
    accessTokenExpiresAt
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const RevokeSessionDocument = new TypedDocumentString(`
    mutation RevokeSession($id: UUID!) {
  revokeSession(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
    apiKey {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: UUID!) {
  revokeApiKey(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SetMaturityPreferenceDocument = new TypedDocumentString(`
    mutation SetMaturityPreference($maxMaturity: Maturity!) {
  setMaturityPreference(maxMaturity: $maxMaturity) {
    id
    maxMaturity
  }
}
    `) as unknown as TypedDocumentString<SetMaturityPreferenceMutation, SetMaturityPreferenceMutationVariables>;
export const VerifyEmailDocument = new TypedDocumentString(`
    mutation VerifyEmail($token: String!) {
  verifyEmail(token: $token) {
    id
    email
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const UpdateProfileDocument = new TypedDocumentString(`
    mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const ResendVerificationEmailDocument = new TypedDocumentString(`
    mutation ResendVerificationEmail {
  resendVerificationEmail
}
    `) as unknown as TypedDocumentString<ResendVerificationEmailMutation, ResendVerificationEmailMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const RequestEmailChangeDocument = new TypedDocumentString(`
    mutation RequestEmailChange($input: RequestEmailChangeInput!) {
  requestEmailChange(input: $input)
}
    `) as unknown as TypedDocumentString<RequestEmailChangeMutation, RequestEmailChangeMutationVariables>;
export const ConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConfirmEmailChange($token: String!) {
  confirmEmailChange(token: $token) {
    id
    email
    emailVerified
  }
}
    `) as unknown as TypedDocumentString<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
export const ClearProfileImageDocument = new TypedDocumentString(`
    mutation ClearProfileImage($slot: ProfileImageSlot!) {
  clearProfileImage(slot: $slot) {
    id
  }
}
    `) as unknown as TypedDocumentString<ClearProfileImageMutation, ClearProfileImageMutationVariables>;
export const BlockUserDocument = new TypedDocumentString(`
    mutation BlockUser($userId: UUID!) {
  blockUser(userId: $userId) {
    blocked
  }
}
    `) as unknown as TypedDocumentString<BlockUserMutation, BlockUserMutationVariables>;
export const UnblockUserDocument = new TypedDocumentString(`
    mutation UnblockUser($userId: UUID!) {
  unblockUser(userId: $userId) {
    blocked
  }
}
    `) as unknown as TypedDocumentString<UnblockUserMutation, UnblockUserMutationVariables>;
export const AccountDocument = new TypedDocumentString(`
    query Account {
  mySessions(first: 50) {
    nodes {
      id
      current
      userAgent
      createdAt
      lastUsedAt
      expiresAt
    }
  }
  myApiKeys(first: 50) {
    nodes {
      id
      name
      displayPrefix
      scopes
      createdAt
      lastUsedAt
      expiresAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<AccountQuery, AccountQueryVariables>;
export const ProfileDocument = new TypedDocumentString(`
    query Profile($handle: String!) {
  user(handle: $handle) {
    id
    createdAt
  }
  profile(handle: $handle) {
    id
    handle
    displayName
    bio
    links {
      label
      url
    }
    avatar {
      url
      placeholder
      thumbnails {
        width
        url
      }
    }
    cover {
      url
      thumbnails {
        width
        url
      }
    }
    showLicensesSold
    isViewer
    viewerFollows
    viewerBlocked
    stats {
      followers
      following
      models
      templates
      downloads
      likesReceived
      licensesSold
    }
  }
}
    `) as unknown as TypedDocumentString<ProfileQuery, ProfileQueryVariables>;
export const BlockedUsersDocument = new TypedDocumentString(`
    query BlockedUsers {
  blockedUsers {
    id
    handle
    displayName
    blockedAt
  }
}
    `) as unknown as TypedDocumentString<BlockedUsersQuery, BlockedUsersQueryVariables>;
export const RequestDownloadDocument = new TypedDocumentString(`
    mutation RequestDownload($fileId: UUID!) {
  requestModelFileDownload(fileId: $fileId) {
    url
    fileName
    sha256
    sizeBytes
  }
}
    `) as unknown as TypedDocumentString<RequestDownloadMutation, RequestDownloadMutationVariables>;
export const ClaimFreeDocument = new TypedDocumentString(`
    mutation ClaimFree($versionId: UUID!) {
  claimFreeLicense(versionId: $versionId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ClaimFreeMutation, ClaimFreeMutationVariables>;
export const ModelPageDocument = new TypedDocumentString(`
    query ModelPage($id: UUID!) {
  styleModel(id: $id) {
    id
    name
    description
    type
    tags
    status
    publishedAt
    likeCount
    downloadCount
    viewerHasLiked
    rating {
      average
      count
      histogram
    }
    owner {
      ...ModelOwnerFields
    }
    baseModel {
      id
      name
      licenseName
      nonCommercial
    }
    versions {
      id
      name
      status
      publishedAt
      ...Gallery
      ...VersionDetails
      ...VersionOffers
    }
  }
}
    fragment ModelOwnerFields on ModelOwner {
  id
  handle
  displayName
}
fragment LicenceOffer on LicenseOffer {
  id
  tier
  revision
  priceAmount
  priceCurrency
  termsText
  termsSha256
  permissions {
    commercialUse
    derivativesAllowed
    derivativeMayChangeLicense
    creditRequired
    creditLine
    seats
    revenueCap
    printRunCap
  }
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}
fragment Gallery on ModelVersion {
  id
  sampleImages {
    id
    ...Image
    linkedVersionIds
    generation {
      tool
      prompt
      negativePrompt
      seed
      sampler
      scheduler
      steps
      cfgScale
      guidance
      width
      height
      resources {
        kind
        name
        hash
        weight
      }
    }
  }
}
fragment VersionDetails on ModelVersion {
  id
  name
  changelog
  publishedAt
  downloadCount
  access
  ownedByMe
  triggerWords
  recommendedSettings {
    key
    value
  }
  parents {
    versionId
    relation
  }
  files {
    id
    fileName
    format
    precision
    role
    sizeBytes
    declaredSize
    sha256
    autoV2
    scanStatus
  }
}
fragment VersionOffers on ModelVersion {
  id
  name
  ownedByMe
  myLicenses {
    id
    tier
    status
  }
  licenseOffers {
    ...LicenceOffer
  }
}`) as unknown as TypedDocumentString<ModelPageQuery, ModelPageQueryVariables>;
export const VersionModelDocument = new TypedDocumentString(`
    query VersionModel($id: UUID!) {
  modelVersion(id: $id) {
    modelId
  }
}
    `) as unknown as TypedDocumentString<VersionModelQuery, VersionModelQueryVariables>;
export const FacetValuesDocument = new TypedDocumentString(`
    query FacetValues($facet: SearchFacet!, $prefix: String!, $query: String, $filters: SearchFilterInput, $exclude: SearchExcludeInput) {
  facetValues(
    facet: $facet
    prefix: $prefix
    query: $query
    filters: $filters
    exclude: $exclude
  ) {
    value
    count
  }
}
    `) as unknown as TypedDocumentString<FacetValuesQuery, FacetValuesQueryVariables>;
export const SuggestDocument = new TypedDocumentString(`
    query Suggest($prefix: String!) {
  suggest(prefix: $prefix) {
    kind
    text
    ref
  }
}
    `) as unknown as TypedDocumentString<SuggestQuery, SuggestQueryVariables>;
export const RefundLineDocument = new TypedDocumentString(`
    mutation RefundLine($orderId: UUID!, $lineId: UUID!, $note: String) {
  refundOrder(orderId: $orderId, lineId: $lineId, note: $note) {
    id
    status
    amount
  }
}
    `) as unknown as TypedDocumentString<RefundLineMutation, RefundLineMutationVariables>;
export const OrderDocument = new TypedDocumentString(`
    query Order($id: UUID!) {
  order(id: $id) {
    id
    itemName
    status
    amount
    currency
    createdAt
    paidAt
    refundedAmount
    checkoutUrl
    lastPaymentError
    lines {
      id
      position
      itemName
      tier
      amount
      refundedAmount
      status
      licenseId
      unavailableReason
      subjectId
      subjectKind
      seller {
        handle
        displayName
      }
    }
    refunds {
      id
      amount
      status
      reason
      note
      createdAt
      lines {
        lineId
        amount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrderQuery, OrderQueryVariables>;
export const UpdateCollectionDocument = new TypedDocumentString(`
    mutation UpdateCollection($id: UUID!, $input: UpdateCollectionInput!) {
  updateCollection(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateCollectionMutation, UpdateCollectionMutationVariables>;
export const DeleteCollectionDocument = new TypedDocumentString(`
    mutation DeleteCollection($id: UUID!) {
  deleteCollection(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCollectionMutation, DeleteCollectionMutationVariables>;
export const MoveCollectionItemDocument = new TypedDocumentString(`
    mutation MoveCollectionItem($collectionId: UUID!, $id: ID!, $afterId: ID) {
  moveCollectionItem(collectionId: $collectionId, id: $id, afterId: $afterId) {
    id
  }
}
    `) as unknown as TypedDocumentString<MoveCollectionItemMutation, MoveCollectionItemMutationVariables>;
export const SetCollectionItemNoteDocument = new TypedDocumentString(`
    mutation SetCollectionItemNote($collectionId: UUID!, $id: ID!, $note: String!) {
  setCollectionItemNote(collectionId: $collectionId, id: $id, note: $note) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetCollectionItemNoteMutation, SetCollectionItemNoteMutationVariables>;
export const InviteCollectionEditorDocument = new TypedDocumentString(`
    mutation InviteCollectionEditor($collectionId: UUID!, $handle: String!) {
  inviteCollectionEditor(collectionId: $collectionId, handle: $handle) {
    id
  }
}
    `) as unknown as TypedDocumentString<InviteCollectionEditorMutation, InviteCollectionEditorMutationVariables>;
export const AcceptCollectionInviteDocument = new TypedDocumentString(`
    mutation AcceptCollectionInvite($collectionId: UUID!) {
  acceptCollectionInvite(collectionId: $collectionId) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcceptCollectionInviteMutation, AcceptCollectionInviteMutationVariables>;
export const LeaveCollectionDocument = new TypedDocumentString(`
    mutation LeaveCollection($collectionId: UUID!) {
  leaveCollection(collectionId: $collectionId)
}
    `) as unknown as TypedDocumentString<LeaveCollectionMutation, LeaveCollectionMutationVariables>;
export const RemoveCollectionEditorDocument = new TypedDocumentString(`
    mutation RemoveCollectionEditor($collectionId: UUID!, $userId: UUID!) {
  removeCollectionEditor(collectionId: $collectionId, userId: $userId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemoveCollectionEditorMutation, RemoveCollectionEditorMutationVariables>;
export const FollowCollectionDocument = new TypedDocumentString(`
    mutation FollowCollection($id: UUID!) {
  followCollection(id: $id) {
    following
    followerCount
  }
}
    `) as unknown as TypedDocumentString<FollowCollectionMutation, FollowCollectionMutationVariables>;
export const UnfollowCollectionDocument = new TypedDocumentString(`
    mutation UnfollowCollection($id: UUID!) {
  unfollowCollection(id: $id) {
    following
    followerCount
  }
}
    `) as unknown as TypedDocumentString<UnfollowCollectionMutation, UnfollowCollectionMutationVariables>;
export const CollectionPageDocument = new TypedDocumentString(`
    query CollectionPage($id: UUID!) {
  collection(id: $id) {
    id
    title
    description
    visibility
    itemCount
    followerCount
    viewerFollows
    viewerRole
    coverItemId
    updatedAt
    viewerCan {
      editItems
      editSettings
      delete
      manageEditors
      accept
      leave
      follow
    }
    owner {
      id
      handle
      displayName
    }
    editors {
      id
      handle
      displayName
      status
    }
    items {
      id
      kind
      itemId
      note
      available
      imageModelId
      image {
        id
        ...Image
      }
      model {
        ...ModelCard
      }
      template {
        ...TemplateCard
      }
    }
  }
}
    fragment ModelOwnerFields on ModelOwner {
  id
  handle
  displayName
}
fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}
fragment ModelCard on StyleModel {
  id
  name
  type
  owner {
    ...ModelOwnerFields
  }
  baseModel {
    name
  }
  versions {
    id
    sampleImages {
      id
      ...Image
    }
    licenseOffers {
      id
      tier
      priceAmount
      priceCurrency
      permissions {
        commercialUse
        derivativesAllowed
      }
    }
  }
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}
fragment TemplateCard on WorkflowTemplate {
  id
  name
  tags
  ipId
  cover {
    ...Image
  }
  owner {
    ...TemplateOwnerFields
  }
}`) as unknown as TypedDocumentString<CollectionPageQuery, CollectionPageQueryVariables>;
export const StartOnboardingDocument = new TypedDocumentString(`
    mutation StartOnboarding {
  startPayoutOnboarding(returnPath: "/earnings?onboarding=return") {
    url
  }
}
    `) as unknown as TypedDocumentString<StartOnboardingMutation, StartOnboardingMutationVariables>;
export const EarningsDocument = new TypedDocumentString(`
    query Earnings {
  myEarnings {
    currency
    pending
    available
    paidOut
    lifetimeEarnings
  }
  myEarningsByDay(days: 90) {
    currency
    total
    days {
      day
      amount
    }
  }
  myPayoutAccount {
    status
    payoutsEnabled
    requirementsDue
    payoutFailureCode
  }
  mySales(first: 20) {
    nodes {
      orderId
      itemName
      tier
      status
      paidAt
      currency
      price
      platformFee
      platformFeeBps
      processorFee
      refundedAmount
      yourShare
      splits {
        role
        shareBps
        amount
        clawedBack
        reversedAmount
        transferAmount
        transferStatus
        transferableAt
        recipient {
          handle
          displayName
        }
      }
    }
  }
  myPayouts(first: 10) {
    nodes {
      id
      amount
      currency
      status
      createdAt
      arrivalDate
      failureCode
    }
  }
}
    `) as unknown as TypedDocumentString<EarningsQuery, EarningsQueryVariables>;
export const FollowingFeedDocument = new TypedDocumentString(`
    query FollowingFeed($first: Int!, $after: String) {
  followingFeed(first: $first, after: $after) {
    nodes {
      id
      verb
      createdAt
      actor {
        id
        handle
        displayName
      }
      subjectKind
      subjectId
      subjectName
      versionName
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<FollowingFeedQuery, FollowingFeedQueryVariables>;
export const HomeSectionDocument = new TypedDocumentString(`
    query HomeSection($sort: SearchSort!, $first: Int!) {
  search(sort: $sort, first: $first) {
    hits {
      kind
      counts {
        likes
        downloads
        rating
        ratingCount
      }
      price {
        free
        cheapestPaid {
          tier
          amount
          currency
        }
      }
      model {
        id
        owner {
          handle
          displayName
        }
        ...ModelCard
      }
      template {
        id
        owner {
          handle
          displayName
        }
        ...TemplateCard
      }
    }
  }
}
    fragment ModelOwnerFields on ModelOwner {
  id
  handle
  displayName
}
fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}
fragment ModelCard on StyleModel {
  id
  name
  type
  owner {
    ...ModelOwnerFields
  }
  baseModel {
    name
  }
  versions {
    id
    sampleImages {
      id
      ...Image
    }
    licenseOffers {
      id
      tier
      priceAmount
      priceCurrency
      permissions {
        commercialUse
        derivativesAllowed
      }
    }
  }
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}
fragment TemplateCard on WorkflowTemplate {
  id
  name
  tags
  ipId
  cover {
    ...Image
  }
  owner {
    ...TemplateOwnerFields
  }
}`) as unknown as TypedDocumentString<HomeSectionQuery, HomeSectionQueryVariables>;
export const HomeFollowingDocument = new TypedDocumentString(`
    query HomeFollowing($first: Int!) {
  followingFeed(first: $first) {
    nodes {
      id
      verb
      createdAt
      actor {
        id
        handle
        displayName
      }
      subjectKind
      subjectId
      subjectName
      versionName
      counts {
        likes
        downloads
        rating
        ratingCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HomeFollowingQuery, HomeFollowingQueryVariables>;
export const RequestRefundDocument = new TypedDocumentString(`
    mutation RequestRefund($orderId: UUID!, $note: String) {
  refundOrder(orderId: $orderId, note: $note) {
    id
    status
    amount
  }
}
    `) as unknown as TypedDocumentString<RequestRefundMutation, RequestRefundMutationVariables>;
export const LibraryLicensesDocument = new TypedDocumentString(`
    query LibraryLicenses($after: String) {
  myLicenses(first: 50, after: $after) {
    nodes {
      id
      tier
      status
      source
      resourceName
      subjectKind
      subjectId
      issuedAt
      certificate
      fileSha256s
      revocationReason
      priceAmount
      priceCurrency
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LibraryLicensesQuery, LibraryLicensesQueryVariables>;
export const LibraryOrdersDocument = new TypedDocumentString(`
    query LibraryOrders($after: String) {
  myOrders(first: 50, after: $after) {
    nodes {
      id
      itemName
      tier
      status
      amount
      currency
      refundedAmount
      createdAt
      paidAt
      lines {
        id
        itemName
        status
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<LibraryOrdersQuery, LibraryOrdersQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int!, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes {
      id
      kind
      text
      url
      count
      read
      createdAt
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const UnreadNotificationCountDocument = new TypedDocumentString(`
    query UnreadNotificationCount {
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<UnreadNotificationCountQuery, UnreadNotificationCountQueryVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  notificationPreferences {
    kind
    inApp
    email
  }
}
    `) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [UUID!]!) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const MarkAllNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkAllNotificationsRead {
  markAllNotificationsRead
}
    `) as unknown as TypedDocumentString<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const UpdateNotificationPreferencesDocument = new TypedDocumentString(`
    mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(preferences: $preferences) {
    kind
    inApp
    email
  }
}
    `) as unknown as TypedDocumentString<UpdateNotificationPreferencesMutation, UpdateNotificationPreferencesMutationVariables>;
export const BlockHashDocument = new TypedDocumentString(`
    mutation BlockHash($sha256: String!, $reason: String!) {
  blockFileHash(sha256: $sha256, reason: $reason)
}
    `) as unknown as TypedDocumentString<BlockHashMutation, BlockHashMutationVariables>;
export const RevokeLicenseDocument = new TypedDocumentString(`
    mutation RevokeLicense($id: UUID!, $reason: RevocationReason!, $note: String) {
  revokeLicense(id: $id, reason: $reason, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<RevokeLicenseMutation, RevokeLicenseMutationVariables>;
export const StaffUserDocument = new TypedDocumentString(`
    query StaffUser($handle: String!) {
  user(handle: $handle) {
    id
    handle
    displayName
  }
}
    `) as unknown as TypedDocumentString<StaffUserQuery, StaffUserQueryVariables>;
export const SetRolesDocument = new TypedDocumentString(`
    mutation SetRoles($userId: UUID!, $roles: [Role!]!) {
  setUserRoles(userId: $userId, roles: $roles) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetRolesMutation, SetRolesMutationVariables>;
export const UpsertBaseModelDocument = new TypedDocumentString(`
    mutation UpsertBaseModel($input: BaseModelInput!) {
  upsertBaseModel(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpsertBaseModelMutation, UpsertBaseModelMutationVariables>;
export const MoneyReviewQueueDocument = new TypedDocumentString(`
    query MoneyReviewQueue {
  moneyReviewQueue(first: 100) {
    kind
    detail
    amount
    currency
    orderId
    since
  }
}
    `) as unknown as TypedDocumentString<MoneyReviewQueueQuery, MoneyReviewQueueQueryVariables>;
export const CreateModelDocument = new TypedDocumentString(`
    mutation CreateModel($input: CreateStyleModelInput!) {
  createStyleModel(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateModelMutation, CreateModelMutationVariables>;
export const UpdateModelDocument = new TypedDocumentString(`
    mutation UpdateModel($id: UUID!, $input: UpdateStyleModelInput!) {
  updateStyleModel(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateModelMutation, UpdateModelMutationVariables>;
export const ChangeModelStatusDocument = new TypedDocumentString(`
    mutation ChangeModelStatus($id: UUID!, $status: ModelStatus!) {
  changeStyleModelStatus(id: $id, status: $status) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ChangeModelStatusMutation, ChangeModelStatusMutationVariables>;
export const CreateVersionDocument = new TypedDocumentString(`
    mutation CreateVersion($modelId: UUID!, $input: CreateModelVersionInput!) {
  createModelVersion(modelId: $modelId, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateVersionMutation, CreateVersionMutationVariables>;
export const UpdateVersionDocument = new TypedDocumentString(`
    mutation UpdateVersion($id: UUID!, $input: UpdateModelVersionInput!) {
  updateModelVersion(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateVersionMutation, UpdateVersionMutationVariables>;
export const PublishVersionDocument = new TypedDocumentString(`
    mutation PublishVersion($id: UUID!) {
  publishModelVersion(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PublishVersionMutation, PublishVersionMutationVariables>;
export const DeriveModelDocument = new TypedDocumentString(`
    mutation DeriveModel($modelId: UUID!, $parentModelId: UUID!, $relation: String!, $shareBps: Int!) {
  deriveModel(
    modelId: $modelId
    parentModelId: $parentModelId
    relation: $relation
    shareBps: $shareBps
  ) {
    parentId
  }
}
    `) as unknown as TypedDocumentString<DeriveModelMutation, DeriveModelMutationVariables>;
export const MyTemplatesDocument = new TypedDocumentString(`
    query MyTemplates {
  myTemplates {
    id
    name
    status
    ipId
    createdAt
  }
}
    `) as unknown as TypedDocumentString<MyTemplatesQuery, MyTemplatesQueryVariables>;
export const MyModelsDocument = new TypedDocumentString(`
    query MyModels($ownerId: UUID!, $after: String) {
  styleModels(first: 50, after: $after, filter: {ownerId: $ownerId}) {
    nodes {
      id
      name
      type
      status
      updatedAt
      baseModel {
        name
      }
      versions {
        id
        name
        status
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyModelsQuery, MyModelsQueryVariables>;
export const StudioModelDocument = new TypedDocumentString(`
    query StudioModel($id: UUID!) {
  styleModel(id: $id) {
    id
    name
    type
    baseModelId
    description
    tags
    maturity
    status
    versions {
      id
      name
      status
      createdAt
      publishedAt
      files {
        id
      }
      sampleImages {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StudioModelQuery, StudioModelQueryVariables>;
export const StudioVersionDocument = new TypedDocumentString(`
    query StudioVersion($id: UUID!) {
  modelVersion(id: $id) {
    id
    modelId
    name
    status
    changelog
    triggerWords
    recommendedSettings {
      key
      value
    }
    files {
      id
      fileName
      sizeBytes
      declaredSize
      scanStatus
      rejectionMessage
      sha256
    }
    sampleImages {
      id
      ...Image
    }
    licenseOffers {
      ...LicenceOffer
    }
  }
}
    fragment LicenceOffer on LicenseOffer {
  id
  tier
  revision
  priceAmount
  priceCurrency
  termsText
  termsSha256
  permissions {
    commercialUse
    derivativesAllowed
    derivativeMayChangeLicense
    creditRequired
    creditLine
    seats
    revenueCap
    printRunCap
  }
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}`) as unknown as TypedDocumentString<StudioVersionQuery, StudioVersionQueryVariables>;
export const StudioVersionModelDocument = new TypedDocumentString(`
    query StudioVersionModel($id: UUID!) {
  styleModel(id: $id) {
    id
    name
    status
    baseModel {
      name
      nonCommercial
    }
  }
}
    `) as unknown as TypedDocumentString<StudioVersionModelQuery, StudioVersionModelQueryVariables>;
export const CreateUploadDocument = new TypedDocumentString(`
    mutation CreateUpload($versionId: UUID!, $input: CreateUploadInput!) {
  createModelFileUpload(versionId: $versionId, input: $input) {
    file {
      id
    }
    upload {
      id
      partSize
      partCount
    }
  }
}
    `) as unknown as TypedDocumentString<CreateUploadMutation, CreateUploadMutationVariables>;
export const UploadedPartsDocument = new TypedDocumentString(`
    query UploadedParts($uploadId: UUID!) {
  uploadedParts(uploadId: $uploadId) {
    partNumber
    size
  }
}
    `) as unknown as TypedDocumentString<UploadedPartsQuery, UploadedPartsQueryVariables>;
export const PartUrlsDocument = new TypedDocumentString(`
    mutation PartUrls($uploadId: UUID!, $partNumbers: [Int!]!) {
  requestUploadPartUrls(uploadId: $uploadId, partNumbers: $partNumbers) {
    partNumber
    url
  }
}
    `) as unknown as TypedDocumentString<PartUrlsMutation, PartUrlsMutationVariables>;
export const CompleteUploadDocument = new TypedDocumentString(`
    mutation CompleteUpload($uploadId: UUID!) {
  completeModelFileUpload(uploadId: $uploadId) {
    id
    scanStatus
  }
}
    `) as unknown as TypedDocumentString<CompleteUploadMutation, CompleteUploadMutationVariables>;
export const AbortUploadDocument = new TypedDocumentString(`
    mutation AbortUpload($uploadId: UUID!) {
  abortModelFileUpload(uploadId: $uploadId)
}
    `) as unknown as TypedDocumentString<AbortUploadMutation, AbortUploadMutationVariables>;
export const SetTemplateSlotsDocument = new TypedDocumentString(`
    mutation SetTemplateSlots($versionId: UUID!, $slots: [TemplateSlotInput!]!) {
  setTemplateSlots(versionId: $versionId, slots: $slots) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetTemplateSlotsMutation, SetTemplateSlotsMutationVariables>;
export const PublishTemplateVersionDocument = new TypedDocumentString(`
    mutation PublishTemplateVersion($versionId: UUID!) {
  publishTemplateVersion(versionId: $versionId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PublishTemplateVersionMutation, PublishTemplateVersionMutationVariables>;
export const CreateTemplateDocument = new TypedDocumentString(`
    mutation CreateTemplate($input: CreateTemplateInput!) {
  createTemplate(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateTemplateMutation, CreateTemplateMutationVariables>;
export const RemixTemplateDocument = new TypedDocumentString(`
    mutation RemixTemplate($parentId: UUID!, $name: String!, $shareBps: Int!) {
  remixTemplate(parentId: $parentId, name: $name, shareBps: $shareBps) {
    id
  }
}
    `) as unknown as TypedDocumentString<RemixTemplateMutation, RemixTemplateMutationVariables>;
export const RegisterIpDocument = new TypedDocumentString(`
    mutation RegisterIp($input: RegisterIpInput!) {
  registerIntellectualProperty(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RegisterIpMutation, RegisterIpMutationVariables>;
export const BindTemplateDocument = new TypedDocumentString(`
    mutation BindTemplate($templateId: UUID!, $ipId: UUID!, $terms: RemixTermsInput!, $lockedSubgraphId: String) {
  bindTemplateToIp(
    templateId: $templateId
    ipId: $ipId
    terms: $terms
    lockedSubgraphId: $lockedSubgraphId
  ) {
    id
    ipId
  }
}
    `) as unknown as TypedDocumentString<BindTemplateMutation, BindTemplateMutationVariables>;
export const UnbindTemplateDocument = new TypedDocumentString(`
    mutation UnbindTemplate($templateId: UUID!) {
  unbindTemplateFromIp(templateId: $templateId) {
    releasedRemixes
    approvedRemixes
    template {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UnbindTemplateMutation, UnbindTemplateMutationVariables>;
export const DecideRemixDocument = new TypedDocumentString(`
    mutation DecideRemix($templateId: UUID!, $approve: Boolean!) {
  decideRemix(templateId: $templateId, approve: $approve) {
    status
  }
}
    `) as unknown as TypedDocumentString<DecideRemixMutation, DecideRemixMutationVariables>;
export const CheckoutOffersDocument = new TypedDocumentString(`
    mutation CheckoutOffers($offerIds: [UUID!]!) {
  checkoutOffers(offerIds: $offerIds) {
    checkoutUrl
    order {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CheckoutOffersMutation, CheckoutOffersMutationVariables>;
export const TemplatePageDocument = new TypedDocumentString(`
    query TemplatePage($id: UUID!) {
  template(id: $id) {
    id
    ownerId
    owner {
      ...TemplateOwnerFields
    }
    name
    description
    tags
    status
    ipId
    likeCount
    viewerHasLiked
    rating {
      average
      count
      histogram
    }
    terms {
      remixAllowed
      changeableSlots
      allowedUses
      attribution
      ipShareBps
      maxMaturity
      requiredTags
      approval
    }
    versions {
      id
      label
      status
      hasWorkflow
      hasPrompt
      sourceSha256
      sampleImages {
        id
        ...Image
      }
      slots {
        ...TemplateSlotFields
      }
      suggestedSlots {
        ...TemplateSlotFields
      }
      lockfile {
        nodes {
          id
          source
          version
        }
        models {
          slot
          kind
          folder
          name
          sha256
          unused
        }
      }
      warnings {
        code
        message
      }
      myLicenses {
        id
        tier
      }
      licenseOffers {
        ...LicenceOffer
      }
    }
  }
  templateLineage(id: $id) {
    ancestors {
      parentId
      depth
      status
      shareBps
    }
    descendants {
      childId
      depth
      status
    }
  }
}
    fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}
fragment LicenceOffer on LicenseOffer {
  id
  tier
  revision
  priceAmount
  priceCurrency
  termsText
  termsSha256
  permissions {
    commercialUse
    derivativesAllowed
    derivativeMayChangeLicense
    creditRequired
    creditLine
    seats
    revenueCap
    printRunCap
  }
}
fragment Image on SampleImage {
  url
  width
  height
  placeholder
  thumbnails {
    url
    width
    height
  }
}
fragment TemplateSlotFields on TemplateSlot {
  key
  nodeId
  widget
  label
  type
  default
  min
  max
  options
  pattern
  maxLength
}`) as unknown as TypedDocumentString<TemplatePageQuery, TemplatePageQueryVariables>;
export const TemplateRollupDocument = new TypedDocumentString(`
    query TemplateRollup($versionId: UUID!, $purpose: TemplateUse!) {
  templateVersion(id: $versionId) {
    id
    licenseRollup(purpose: $purpose) {
      purpose
      verdict
      reasons
      lines {
        kind
        name
        slot
        status
        reason
        resolved {
          matchedBy
          modelId
          modelName
          versionName
        }
        published {
          matchedBy
          title
          fileName
          baseModelName
          sourceUrl
          license {
            name
            url
            conditions
            nonCommercial
          }
        }
        held {
          id
          tier
        }
        offer {
          id
          tier
          priceAmount
          priceCurrency
        }
      }
      missingTotals {
        currency
        amount
        licenses
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TemplateRollupQuery, TemplateRollupQueryVariables>;
export const IpConsoleDocument = new TypedDocumentString(`
    query IpConsole {
  myIntellectualProperties {
    id
    name
    kind
    description
  }
  myTemplates {
    id
    name
    status
    ipId
    terms {
      ipShareBps
      approval
    }
    ipBinding {
      ipId
      boundAt
      lockedSubgraph {
        name
      }
    }
  }
  remixQueue {
    childId
    parentId
    shareBps
    createdAt
    child {
      name
      owner {
        ...TemplateOwnerFields
      }
    }
    parent {
      name
    }
  }
}
    fragment TemplateOwnerFields on TemplateOwner {
  id
  handle
  displayName
}`) as unknown as TypedDocumentString<IpConsoleQuery, IpConsoleQueryVariables>;
export const TemplateSubgraphsDocument = new TypedDocumentString(`
    query TemplateSubgraphs($id: UUID!) {
  template(id: $id) {
    id
    versions {
      id
      subgraphs {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TemplateSubgraphsQuery, TemplateSubgraphsQueryVariables>;
export const RenderTemplateDocument = new TypedDocumentString(`
    query RenderTemplate($versionId: UUID!, $params: [TemplateParamInput!]) {
  renderTemplate(versionId: $versionId, params: $params) {
    workflow
    prompt
  }
}
    `) as unknown as TypedDocumentString<RenderTemplateQuery, RenderTemplateQueryVariables>;
export const VerifyLicenseDocument = new TypedDocumentString(`
    query VerifyLicense($certificate: String!) {
  verifyLicense(certificate: $certificate) {
    valid
    status
    problem
    message
    license {
      id
      tier
      status
      resourceName
      subjectId
      issuedAt
      revokedAt
      revocationReason
      termsText
      fileSha256s
      licensee {
        handle
        displayName
      }
      permissions {
        commercialUse
        derivativesAllowed
        creditRequired
        creditLine
        seats
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyLicenseQuery, VerifyLicenseQueryVariables>;