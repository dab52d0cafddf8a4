import type { SqlCaseFile } from '@lookbook/testing';

/** Community's SQL: profiles, follows, likes, blocks, counters and the following feed. See docs/architecture/sql-snapshots.md. */
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
    ProfileRepository: {
      view: (w) => [w.creator, w.buyer],
      save: (w) => [{ userId: w.creator, bio: 'Ink and water', links: [], showLicensesSold: false }, w.at],
      setImage: (w) => [w.creator, 'AVATAR', null, w.at],
      avatarsOf: (w) => [[w.creator, w.buyer]],
    },
  },
} satisfies SqlCaseFile;
