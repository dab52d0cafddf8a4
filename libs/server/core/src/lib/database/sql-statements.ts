import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

interface StatementTally {
  statements: number;
}

const tally = new AsyncLocalStorage<StatementTally>();

/**
 * Counts the SQL statements run on behalf of one unit of work (an HTTP request): the budget tests and the benchmark
 * read it, so "fixed SQL per page" is measured, not hoped for. The count follows async context, so DataLoader batches
 * started by a request count towards it.
 */
export const SqlStatements = {
  /** Runs `work` with a fresh tally; `count()` inside it reads the statements so far. */
  track<T>(work: () => T): T {
    return tally.run({ statements: 0 }, work);
  },
  count(): number | undefined {
    return tally.getStore()?.statements;
  },
};

/** TypeORM calls its logger for every statement whatever `logging` says: this one only counts, and logs nothing. */
export class StatementCountingLogger implements TypeOrmLogger {
  logQuery(): void {
    const current = tally.getStore();
    if (current) current.statements += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
