import { z } from 'zod';
import { defineScheduledTask, defineTask } from '@lookbook/core';

/**
 * Commerce's background work. Every money task is keyed by the record it moves, so the sweep re-queueing stalled work
 * and the original enqueue land on the same job.
 */
export const CommerceTasks = {
  /** Pay one split (a recipient's part of one order line) to its recipient. No `line` is line 1 (jobs queued before lines). */
  transfer: defineTask({
    name: 'commerce.transfer',
    payload: z.object({ orderId: z.uuid(), recipientId: z.uuid(), line: z.int().min(1).max(100).optional() }),
    key: (p) => `transfer:${p.orderId}:${p.recipientId}${(p.line ?? 1) === 1 ? '' : `:line:${p.line}`}`,
  }),
  /** Send a recorded refund to the provider. */
  refund: defineTask({
    name: 'commerce.refund',
    payload: z.object({ refundId: z.uuid() }),
    key: (p) => `refund:${p.refundId}`,
  }),
  /** Take a transferred part back from a recipient (refunds, lost disputes). */
  reverseTransfer: defineTask({
    name: 'commerce.reverse-transfer',
    payload: z.object({ reversalId: z.uuid() }),
    key: (p) => `reversal:${p.reversalId}`,
  }),
  /** Process one verified provider event from the inbox. */
  processEvent: defineTask({
    name: 'commerce.process-event',
    payload: z.object({ eventId: z.string().min(1).max(255) }),
    key: (p) => `event:${p.eventId}`,
  }),
  /** Every quarter hour: re-queue stalled money work, reconcile the ledger. */
  sweep: defineScheduledTask('commerce.sweep', '*/15 * * * *'),
};

/** The local gateway's own work (registered only when it is the configured provider). */
export const LocalGatewayTasks = {
  /** Deliver one event to the webhook route, signed like Stripe's. Not keyed: each event is delivered once. */
  deliverEvent: defineTask({ name: 'local-gateway.deliver-event', payload: z.object({ eventId: z.string().min(1) }) }),
  expireSessions: defineScheduledTask('local-gateway.expire-sessions', '* * * * *'),
  payouts: defineScheduledTask('local-gateway.payouts', '0 * * * *'),
};
