import { defineScheduledTask } from '@lookbook/core';

/** Community's background work. */
export const CommunityTasks = {
  /**
   * Nightly: every counter with a truth table is recomputed from it and any drift repaired (a trigger or a bump
   * that went wrong, a row changed by hand), with a report of what was fixed.
   */
  recountCounters: defineScheduledTask('community.recount-counters', '40 3 * * *'),
};
