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
});

/** Notifications' SQL: the mail outbox. See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    OutboxMailRepository: {
      insertIfAbsent: (w, tx) => [tx, mail(w)],
      findById: (w) => [w.newId()],
      findByIdempotencyKey: () => ['sql-case:none'],
      markSent: (w) => [w.newId(), w.at],
      recordFailure: (w) => [w.newId(), 'connect ECONNREFUSED', w.at],
    },
  },
} satisfies SqlCaseFile;
