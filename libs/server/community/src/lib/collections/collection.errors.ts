import { ConflictError, ForbiddenError, NotFoundError } from '@lookbook/kernel';
import { MAX_COLLECTIONS_PER_OWNER, MAX_EDITORS, MAX_ITEMS } from './collection';

/** A private collection reads as not found to anyone who may not see it: its existence is not disclosed. */
export const CollectionErrors = {
  notFound: () => new NotFoundError('COLLECTION_NOT_FOUND', 'No such collection'),
  itemNotFound: () =>
    new NotFoundError('COLLECTION_ITEM_NOT_FOUND', 'No such item: unknown, unpublished, or not visible to you'),
  full: () => new ConflictError('COLLECTION_FULL', `A collection holds at most ${MAX_ITEMS} items`, { max: MAX_ITEMS }),
  tooMany: () =>
    new ConflictError('TOO_MANY_COLLECTIONS', `You can have at most ${MAX_COLLECTIONS_PER_OWNER} collections`, {
      max: MAX_COLLECTIONS_PER_OWNER,
    }),
  tooManyEditors: () =>
    new ConflictError('TOO_MANY_EDITORS', `A collection has at most ${MAX_EDITORS} editors and invitations`, {
      max: MAX_EDITORS,
    }),
  notEditor: () => new ForbiddenError('NOT_COLLECTION_EDITOR', 'Only the owner and editors can change the items'),
  notOwner: () => new ForbiddenError('NOT_COLLECTION_OWNER', 'Only the owner can do this'),
  noInvitation: () => new NotFoundError('NO_COLLECTION_INVITATION', 'There is no invitation to accept'),
  selfInvite: () => new ConflictError('SELF_INVITE', 'You already own this collection'),
  selfFollow: () => new ConflictError('SELF_FOLLOW', 'You cannot follow a collection you own or edit'),
};
