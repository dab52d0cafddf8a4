import type { SqlCaseFile } from '@lookbook/testing';

/** A task as `JobQueue.enqueue` reads it: a name, a payload check, a job key. */
const task = {
  name: 'core.sql-snapshot',
  payload: { parse: (payload: unknown) => payload },
  key: (payload: { id: string }) => `sql-snapshot:${payload.id}`,
};

/** Core's SQL: rate-limit windows and the job queue. See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    RateLimitRepository: {
      deleteExpired: (w) => [w.at.getTime()],
    },
    JobQueue: {
      enqueue: [
        { name: 'in the caller transaction', args: (w, tx) => [tx, task, { id: w.newId() }] },
        {
          name: 'with every option',
          args: (w) => [
            undefined,
            task,
            { id: w.newId() },
            { runAt: w.at, maxAttempts: 3, queueName: 'q', priority: 1 },
          ],
        },
      ],
    },
  },
} satisfies SqlCaseFile;
