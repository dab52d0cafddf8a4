export const COLLECTION_ITEM_KINDS = ['MODEL', 'TEMPLATE', 'IMAGE'] as const;
export type CollectionItemKind = (typeof COLLECTION_ITEM_KINDS)[number];

export const COLLECTION_VISIBILITIES = ['PUBLIC', 'PRIVATE'] as const;
export type CollectionVisibility = (typeof COLLECTION_VISIBILITIES)[number];

/** How the viewer stands to a collection. An invited editor who has not accepted is not an editor yet. */
export const COLLECTION_ROLES = ['OWNER', 'EDITOR', 'INVITED', 'NONE'] as const;
export type CollectionRole = (typeof COLLECTION_ROLES)[number];

export const MAX_TITLE = 100;
export const MAX_DESCRIPTION = 1000;
export const MAX_NOTE = 500;
export const MAX_ITEMS = 500;
export const MAX_EDITORS = 10;
export const MAX_COLLECTIONS_PER_OWNER = 200;

export interface CollectionRow {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  visibility: CollectionVisibility;
  coverItemId: string | null;
  itemCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A collection's cover: the chosen item's image, else the first item (in order) with an image (a model's sample). */
export interface CoverImage {
  storageKey: string;
  width: number;
  height: number;
  placeholder: string | null;
  thumbnails: { width: number; height: number; key: string }[];
}

export interface CollectionCardRow extends CollectionRow {
  cover: CoverImage | null;
}

export interface CollectionItemRow {
  id: string;
  collectionId: string;
  kind: CollectionItemKind;
  itemId: string;
  position: number;
  note: string;
  addedBy: string;
  createdAt: Date;
  /** Published and not by someone on either side of a block with the viewer. */
  available: boolean;
  /** For an image: the model it is a sample of, and the image's type. */
  modelId: string | null;
  contentType: string | null;
  image: CoverImage | null;
}

export interface CollectionMemberRow {
  collectionId: string;
  userId: string;
  status: 'INVITED' | 'ACTIVE';
  invitedBy: string;
  createdAt: Date;
}
