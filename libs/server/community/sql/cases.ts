import type { SqlCaseFile } from '@lookbook/testing';

import type { EntityManager } from 'typeorm';
import { CollectionRepository } from '../src/lib/collections/collection.repository';

/** A collection id: most cases run against no row (the statement is what is snapshot); `withCollection` makes it. */
const COLLECTION = '00000000-0000-4000-8000-00000000c011';

/** Creates the buyer's collection in the case's transaction, before capture (so rows pointing at it may exist). */
async function withCollection(buyer: string, tx: EntityManager): Promise<EntityManager> {
  const at = new Date('2026-03-01T12:00:00Z');
  await new CollectionRepository(undefined as never).insert(tx, {
    id: COLLECTION,
    ownerId: buyer,
    title: 'Rainy neon nights',
    description: '',
    visibility: 'PUBLIC',
    createdAt: at,
    updatedAt: at,
  });
  return tx;
}

/** Community's SQL: profiles, follows, likes, blocks, counters, the following feed and collections. See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    CounterRepository: {
      bump: (w, tx) => [
        tx,
        3,
        [
          { kind: 'MODEL', id: w.model, metric: 'LIKES', delta: 1 },
          { kind: 'USER', id: w.creator, metric: 'LIKES_RECEIVED', delta: 1 },
        ],
      ],
      countsOf: (w) => ['MODEL', [w.model, w.parentModel]],
    },
    SubjectRepository: {
      publicSubject: [
        { name: 'a public image', args: (w) => ['IMAGE', w.image] },
        { name: 'any status (taking a like back)', args: (w) => ['TEMPLATE', w.draftTemplate, true] },
      ],
    },
    BlockRepository: {
      insert: (w, tx) => [tx, w.buyer, w.otherCreator, w.at],
      delete: (w, tx) => [tx, w.buyer, w.otherCreator],
      between: (w) => [w.buyer, w.creator],
      blockedBy: (w) => [w.buyer, 200],
    },
    FollowRepository: {
      insert: (w, tx) => [tx, w.buyer, { kind: 'USER', id: w.creator }, w.at],
      delete: (w, tx) => [tx, w.buyer, { kind: 'IP', id: w.ip }],
      deleteBetween: (w, tx) => [tx, w.buyer, w.creator],
      followedAmong: (w) => [w.buyer, 'USER', [w.creator, w.otherCreator]],
    },
    LikeRepository: {
      insert: (w, tx) => [tx, w.buyer, 'MODEL', w.model, w.at],
      delete: (w, tx) => [tx, w.buyer, 'TEMPLATE', w.template],
      likedAmong: (w) => [w.buyer, 'MODEL', [w.model, w.parentModel]],
    },
    FeedRepository: {
      page: [
        { name: 'first page', args: (w) => [w.buyer, null, 21] },
        { name: 'after a cursor', args: (w) => [w.buyer, '1000', 21] },
      ],
    },
    ProfileRepository: {
      view: (w) => [w.creator, w.buyer],
      save: (w) => [{ userId: w.creator, bio: 'Ink and water', links: [], showLicensesSold: false }, w.at],
      setImage: (w) => [w.creator, 'AVATAR', null, w.at],
      avatarsOf: (w) => [[w.creator, w.buyer]],
    },
    CollectionRepository: {
      insert: (w, tx) => [
        tx,
        {
          id: COLLECTION,
          ownerId: w.buyer,
          title: 'Rainy neon nights',
          description: '',
          visibility: 'PUBLIC',
          createdAt: w.at,
          updatedAt: w.at,
        },
      ],
      countOwnedBy: (w, tx) => [tx, w.buyer],
      lock: (_, tx) => [tx, COLLECTION],
      update: (w, tx) => [
        tx,
        COLLECTION,
        { title: 'Neon', description: '', visibility: 'PRIVATE', coverItemId: null },
        w.at,
      ],
      touch: (w, tx) => [tx, COLLECTION, 1, w.at],
      delete: (_, tx) => [tx, COLLECTION],
      cards: (w) => [[COLLECTION], w.buyer],
      ofMember: (w) => [w.buyer, 250],
      publicOf: (w) => [w.creator, w.buyer, 24],
      featured: (w) => [w.buyer, 3, 6],
      holding: (w) => [w.buyer, 'MODEL', w.model],
      membership: (w) => [COLLECTION, w.buyer],
      members: () => [[COLLECTION]],
      countMembers: (_, tx) => [tx, COLLECTION],
      invite: async (w, tx) => [await withCollection(w.buyer, tx), COLLECTION, w.creator, w.buyer, w.at],
      accept: (w, tx) => [tx, COLLECTION, w.buyer, w.at],
      removeMember: (w, tx) => [tx, COLLECTION, w.buyer],
      follow: async (w, tx) => [await withCollection(w.buyer, tx), w.creator, COLLECTION, w.at],
      unfollow: (w, tx) => [tx, w.buyer, COLLECTION],
      followedAmong: (w) => [w.buyer, [COLLECTION]],
    },
    CollectionItemRepository: {
      insert: async (w, tx) => [
        await withCollection(w.buyer, tx),
        {
          id: COLLECTION,
          collectionId: COLLECTION,
          kind: 'MODEL',
          itemId: w.model,
          position: 1024,
          note: '',
          addedBy: w.buyer,
        },
        w.at,
      ],
      find: (w, tx) => [tx, COLLECTION, 'MODEL', w.model],
      has: (_, tx) => [tx, COLLECTION, COLLECTION],
      lastPosition: (_, tx) => [tx, COLLECTION],
      delete: (_, tx) => [tx, COLLECTION, COLLECTION],
      setNote: (_, tx) => [tx, COLLECTION, COLLECTION, 'Wet asphalt'],
      neighbours: [
        { name: 'after an item', args: (_, tx) => [tx, COLLECTION, COLLECTION, COLLECTION] },
        { name: 'to the top', args: (_, tx) => [tx, COLLECTION, COLLECTION, null] },
      ],
      setPosition: (_, tx) => [tx, COLLECTION, 2048],
      renumber: (_, tx) => [tx, COLLECTION, 1024],
      list: (w) => [COLLECTION, w.buyer],
    },
  },
} satisfies SqlCaseFile;
