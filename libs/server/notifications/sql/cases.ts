import { DATABASE_URL } from '@lookbook/core';
import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';

const mail = (w: SqlWorld) => ({
  id: w.newId(),
  idempotencyKey: `sql-case:${w.newId()}`,
  kind: 'sql.case',
  toAddress: 'buyer-1@bench.invalid',
  subject: 'SQL case',
  textBody: 'Hello',
  status: 'PENDING',
  attempts: 0,
  lastError: null,
  lastAttemptAt: null,
  createdAt: w.at,
  sentAt: null,
  headers: {},
});

const notification = (w: SqlWorld) => ({
  id: w.newId(),
  recipientId: w.buyer,
  kind: 'SALE',
  actorId: null,
  subjectKind: 'MODEL',
  subjectId: w.newId(),
  text: 'SQL case',
  url: '/models/x',
  dedupeKey: `sql-case:${w.newId()}`,
  groupKey: `sql-case:${w.newId()}`,
  createdAt: w.at,
  readAt: null,
});

/** Notifications' SQL: the mail outbox and in-app notifications. See docs/architecture/sql-snapshots.md. */
export default {
  providers: [{ provide: DATABASE_URL, useValue: 'postgres://unused.invalid/none' }],
  classes: {
    OutboxMailRepository: {
      insertIfAbsent: (w, tx) => [tx, mail(w)],
      findById: (w) => [w.newId()],
      findByIdempotencyKey: () => ['sql-case:none'],
      markSent: (w) => [w.newId(), w.at],
      recordFailure: (w) => [w.newId(), 'connect ECONNREFUSED', w.at],
    },
    NotificationRepository: {
      insertIfAbsent: (w, tx) => [tx, notification(w)],
      findByDedupeKey: () => ['sql-case:none'],
      signal: (w, tx) => [tx, w.buyer],
      groupSize: (w, tx) => [tx, w.buyer, 'LIKE:MODEL:x:2026-12-07'],
      groups: [
        {
          name: 'first page',
          args: (w) => [w.buyer, { unreadOnly: false, hiddenKinds: [], before: null, limit: 21 }],
        },
        {
          name: 'unread, after a cursor, a kind hidden',
          args: (w) => [
            w.buyer,
            { unreadOnly: true, hiddenKinds: ['LIKE'], before: { at: w.at, id: w.newId() }, limit: 21 },
          ],
        },
      ],
      unreadGroupCount: (w) => [w.buyer, ['LIKE']],
      markGroupsRead: (w, tx) => [tx, w.buyer, [w.newId()], w.at],
      markAllRead: (w, tx) => [tx, w.buyer, w.at],
      blockedBetween: (w, tx) => [tx, w.buyer, w.creator],
      publicName: (w, tx) => [tx, w.buyer],
      verifiedAddress: (w, tx) => [tx, w.buyer],
      unreadBetween: (w) => [w.at, new Date(w.at.getTime() + 86_400_000)],
      deleteExpiredBatch: [
        {
          name: 'first batch',
          args: (w) => [
            new Date(w.at.getTime() - 90 * 86_400_000),
            new Date(w.at.getTime() - 365 * 86_400_000),
            null,
            1000,
          ],
        },
        {
          name: 'after a cursor',
          args: (w) => [
            new Date(w.at.getTime() - 90 * 86_400_000),
            new Date(w.at.getTime() - 365 * 86_400_000),
            { at: new Date(w.at.getTime() - 400 * 86_400_000), id: w.newId() },
            1000,
          ],
        },
      ],
    },
    NotificationListenerRepository: {
      listen: { notCaptured: 'a connection of its own that listens for signals; see its int-spec' },
    },
    PreferenceRepository: {
      chosenBy: (w) => [w.buyer],
      chosenByAll: (w) => [[w.buyer, w.creator]],
      save: (w) => [w.buyer, [{ kind: 'LIKE', inApp: false, email: 'OFF' }], w.at],
      emailOff: (w) => [w.buyer, ['LIKE', 'FOLLOW'], w.at],
    },
  },
} satisfies SqlCaseFile;
