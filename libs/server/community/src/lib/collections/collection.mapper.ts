import { SampleImage } from '@lookbook/catalog';
import type { CollectionItemRow, CoverImage } from './collection';
import type { Collection, CollectionCover, CollectionItem } from './collection.objects';
import type { CollectionView } from './collection.service';

export function toCover(image: CoverImage, url: (key: string) => string): CollectionCover {
  return {
    url: url(image.storageKey),
    width: image.width,
    height: image.height,
    placeholder: image.placeholder,
    thumbnails: image.thumbnails.map((t) => ({ width: t.width, height: t.height, url: url(t.key) })),
  };
}

export function toCollection(view: CollectionView, url: (key: string) => string): Collection {
  const c = view.collection;
  const { editItems, editSettings, delete: canDelete, manageEditors, accept, leave, follow } = view.can;
  const can = { editItems, editSettings, delete: canDelete, manageEditors, accept, leave, follow };
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    visibility: c.visibility,
    itemCount: c.itemCount,
    coverItemId: c.coverItemId,
    cover: c.cover && toCover(c.cover, url),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    viewerRole: view.role,
    viewerCan: can,
    ownerId: c.ownerId,
    view,
  };
}

export function toCollectionItem(row: CollectionItemRow, url: (key: string) => string): CollectionItem {
  return {
    id: row.id,
    kind: row.kind,
    itemId: row.itemId,
    note: row.note,
    available: row.available,
    addedById: row.addedBy,
    createdAt: row.createdAt,
    imageModelId: row.modelId,
    image: row.image
      ? Object.assign(new SampleImage(), {
          ...toCover(row.image, url),
          id: row.itemId,
          contentType: row.contentType ?? 'image/webp',
          generation: null,
          linkedVersionIds: [],
        })
      : null,
  };
}
