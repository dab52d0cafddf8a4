import { defineScheduledTask } from './jobs/task';

/** Core's own background work. */
export const CoreTasks = {
  /** Expired rate-limit windows are dead rows: dropped every ten minutes. */
  sweepRateLimits: defineScheduledTask('core.sweep-rate-limits', '*/10 * * * *'),
};
