import { z } from 'zod';
import { defineScheduledTask, defineTask } from '@lookbook/core';

/** Notifications' background work. */
export const NotificationsTasks = {
  /** Sends one outbox mail; keyed by the mail, so queueing it twice never makes two jobs. */
  sendMail: defineTask({
    name: 'notifications.send-mail',
    payload: z.object({ mailId: z.uuid() }),
    key: ({ mailId }) => `mail:${mailId}`,
  }),
  /** Each morning (07:00 UTC) every member gets one mail of yesterday's digest notifications still unread. */
  sendDigests: defineScheduledTask('notifications.send-digests', '0 7 * * *'),
  /** Each night (04:35 UTC) read notifications past their retention, and any past the longer one, are deleted. */
  sweepOld: defineScheduledTask('notifications.sweep-old', '35 4 * * *'),
};
