import type { EntityManager } from 'typeorm';
import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';
import { CollectionRepository } from '../src/lib/collections/collection.repository';
import type { ReviewRepository } from '../src/lib/reviews/review.repository';

/** A review by the buyer of the model, on their licence, written in the case's transaction (before capture). */
async function aReview(w: SqlWorld, tx: EntityManager): Promise<string> {
  const review = {
    id: w.newId(),
    subjectKind: 'MODEL' as const,
    subjectId: w.model,
    authorId: w.buyer,
    licenseId: w.license,
    licenseTier: 'PERSONAL' as const,
    rating: 4,
    body: 'Clean lines',
    at: w.at,
  };
  await w.get<ReviewRepository>('ReviewRepository').insert(tx, review);
  return review.id;
}

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

/** Community's SQL: profiles, follows, likes, blocks, counters, the following feed, reviews, discussions and collections. See docs/architecture/sql-snapshots.md. */
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
      recount: () => [],
    },
    SubjectRepository: {
      publicSubject: [
        { name: 'a public image', args: (w) => ['IMAGE', w.image] },
        { name: 'any status (taking a like back)', args: (w) => ['TEMPLATE', w.draftTemplate, true] },
      ],
      describe: (w) => ['IMAGE', w.image, w.buyer],
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
    ReviewRepository: {
      eligibilityOf: (w) => [w.buyer, 'MODEL', w.model],
      insert: (w, tx) => [
        tx,
        {
          id: w.newId(),
          subjectKind: 'MODEL',
          subjectId: w.model,
          authorId: w.buyer,
          licenseId: w.license,
          licenseTier: 'PERSONAL',
          rating: 4,
          body: 'Clean lines',
          at: w.at,
        },
      ],
      lock: (w, tx) => [tx, w.newId()],
      edit: async (w, tx) => [
        tx,
        {
          id: await aReview(w, tx),
          subjectKind: 'MODEL',
          subjectId: w.model,
          authorId: w.buyer,
          rating: 4,
          body: 'Clean lines',
          revision: 1,
          licenseHeld: true,
          createdAt: w.at,
          editedAt: null,
          replyBody: null,
          repliedAt: null,
        },
        3,
        'Cleaner',
        w.at,
      ],
      reply: (w, tx) => [tx, w.newId(), 'Thank you', w.at],
      addVote: async (w, tx) => [tx, await aReview(w, tx), w.otherCreator, w.at],
      removeVote: (w, tx) => [tx, w.newId(), w.otherCreator],
      one: (w) => [w.buyer, w.newId()],
      ofSubject: [
        { name: 'first page', args: (w) => [w.buyer, 'MODEL', w.model, null, 21] },
        { name: 'after a cursor', args: (w) => [null, 'TEMPLATE', w.template, { createdAt: w.at, id: w.newId() }, 21] },
      ],
      byAuthor: (w) => [w.otherCreator, w.buyer, null, 21],
      votedAmong: (w) => [w.buyer, [w.newId()]],
      revisions: (w) => [w.newId()],
    },
    ProfileRepository: {
      view: (w) => [w.creator, w.buyer],
      save: (w) => [{ userId: w.creator, bio: 'Ink and water', links: [], showLicensesSold: false }, w.at],
      setImage: (w) => [w.creator, 'AVATAR', null, w.at],
      avatarsOf: (w) => [[w.creator, w.buyer]],
    },
    CommentRepository: {
      subject: [
        { name: 'a model', args: (w) => ['MODEL', w.model] },
        { name: 'a model as a signed-in reader', args: (w) => ['MODEL', w.model, w.buyer] },
        { name: 'a version', args: (w) => ['VERSION', w.version] },
        { name: 'a template version', args: (w) => ['TEMPLATE_VERSION', w.templateVersion] },
      ],
      insert: (w, tx) => [
        tx,
        {
          id: '00000000-0000-7000-8000-00000000c001',
          subjectKind: 'MODEL',
          subjectId: w.model,
          placement: null,
          authorId: w.buyer,
          body: 'Lovely',
          tree: { type: 'doc', children: [] },
          mentions: [],
          at: w.at,
        },
      ],
      lock: (w, tx) => [tx, w.model],
      visible: (w) => [w.model, w.buyer, false],
      updateBody: (w, tx) => [tx, w.model, 'Edited', { type: 'doc', children: [] }, [], w.at],
      remove: (w, tx) => [
        tx,
        { id: w.model, subjectKind: 'MODEL', subjectId: w.model, parentId: null, replyCount: 0 },
        w.at,
      ],
      setPinned: (w, tx) => [tx, w.model, w.at],
      setHidden: (w, tx) => [
        tx,
        { id: w.model, subjectKind: 'MODEL', subjectId: w.model, parentId: null, rootId: w.model, hiddenAt: null },
        w.at,
      ],
      pinnedCount: (w, tx) => [tx, 'MODEL', w.model],
      mentionable: (w) => [['someone', 'other'], w.buyer],
      topLevel: [
        { name: 'first page, newest', args: (w) => ['MODEL', w.model, w.buyer, false, 'NEWEST', null, 21, 3, 3] },
        {
          name: 'after a cursor, oldest',
          args: (w) => [
            'MODEL',
            w.model,
            null,
            false,
            'OLDEST',
            { createdAt: w.at.toISOString(), id: w.model },
            21,
            3,
            0,
          ],
        },
      ],
      replies: [
        { name: "a page's threads", args: (w) => [{ rootIds: [w.model] }, w.buyer, false, 3] },
        { name: 'more replies of one comment', args: (w) => [{ parentIds: [w.model] }, null, true, 21, null] },
      ],
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
