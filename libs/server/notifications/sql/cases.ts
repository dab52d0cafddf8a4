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
  createdAt: w.at,
  readAt: null,
});

/** Notifications' SQL: the mail outbox and in-app notifications. See docs/architecture/sql-snapshots.md. */
export default {
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
    },
  },
} satisfies SqlCaseFile;
