import type { EntityManager } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { loadConfig, Transactions } from '@lookbook/core';

/**
 * The manager unit tests hand to services: repositories are auto-mocks, so nothing reads it — tests assert it was
 * passed through (the work joined the caller's transaction).
 */
export const TEST_MANAGER = Object.freeze({ testManager: true }) as unknown as EntityManager;

/** Core's `Transactions` for unit tests: runs the work at once, with `TEST_MANAGER`, and counts the transactions. */
export class InlineTransactions extends Transactions {
  count = 0;

  constructor() {
    super(undefined as never);
  }

  override run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.count += 1;
    return work(TEST_MANAGER);
  }
}

/** The app's configuration from defaults plus the given environment (as `loadConfig` reads it). */
export const testConfig = (env: Record<string, string> = {}): AppConfig => loadConfig({ NODE_ENV: 'test', ...env });

/** A signed-in caller (a session, every scope), optionally staff. */
export const anActor = (userId: string, roles: Actor['roles'] = []): Actor => ({
  userId,
  roles,
  via: 'session',
  sessionId: '00000000-0000-4000-8000-00000000005e',
  scopes: ['read', 'write', 'download', 'admin'],
});
