import type { EntityManager } from 'typeorm';
import type { CollectionRow, CollectionRole } from './collection';
import { CollectionErrors } from './collection.errors';
import type { CollectionRepository } from './collection.repository';
import type { CollectionPermissions } from './collection-rules';
import { collectionPermissions, roleOf } from './collection-rules';

export interface LockedCollection {
  collection: CollectionRow;
  role: CollectionRole;
  can: CollectionPermissions;
}

/**
 * Inside a write transaction: lock the collection and check that the actor may `need`. Someone who may not even see
 * it gets COLLECTION_NOT_FOUND (a private collection is not disclosed); someone who sees it but may not do this gets
 * the typed refusal for `need`.
 */
export async function lockFor(
  collections: CollectionRepository,
  manager: EntityManager,
  actorId: string,
  collectionId: string,
  need: keyof CollectionPermissions,
): Promise<LockedCollection> {
  const collection = await collections.lock(manager, collectionId);
  if (!collection) throw CollectionErrors.notFound();
  const membership =
    collection.ownerId === actorId ? null : await collections.membership(collectionId, actorId, manager);
  const role = roleOf(actorId, collection.ownerId, membership);
  const can = collectionPermissions(role, collection.visibility);
  if (!can.view) throw CollectionErrors.notFound();
  if (!can[need]) {
    if (need === 'editItems') throw CollectionErrors.notEditor();
    if (need === 'accept') throw CollectionErrors.noInvitation();
    if (need === 'follow') throw CollectionErrors.selfFollow();
    throw CollectionErrors.notOwner();
  }
  return { collection, role, can };
}
