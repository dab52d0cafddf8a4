import { z } from 'zod';
import { defineScheduledTask, defineTask } from '@lookbook/core';

/** Identity's background work. */
export const IdentityTasks = {
  /** Hourly: sessions (and their refresh tokens) are deleted a week after they expired or were revoked. */
  sweepSessions: defineScheduledTask('identity.sweep-sessions', '17 * * * *'),
  /**
   * Looks up a reset request's address and mails a link if an account has it. Keyed by the address, so requests
   * repeated while one waits make one job.
   */
  sendPasswordReset: defineTask({
    name: 'identity.send-password-reset',
    // The base URL is the requesting API's (a worker may not know the address people reach the API at).
    payload: z.object({ email: z.string().min(3).max(254), baseUrl: z.string().max(500) }),
    key: ({ email }) => `password-reset:${email}`,
  }),
};
