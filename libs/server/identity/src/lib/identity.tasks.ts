import { defineScheduledTask } from '@lookbook/core';

/** Identity's background work. */
export const IdentityTasks = {
  /** Hourly: sessions (and their refresh tokens) are deleted a week after they expired or were revoked. */
  sweepSessions: defineScheduledTask('identity.sweep-sessions', '17 * * * *'),
};
