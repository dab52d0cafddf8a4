import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';

const identity = (row: unknown) => row;
const splitKey = (w: SqlWorld) => ({ orderId: w.order, line: 1, recipientId: w.orderSeller });
const suffix = (w: SqlWorld) => w.newId().slice(0, 8);

interface Gateway {
  put(manager: unknown, body: { id: string; object: string }): Promise<unknown>;
}

/**
 * Commerce's SQL: orders with their lines and splits, refunds and reversals, disputes, payouts, earnings, the webhook
 * inbox, the support queue, and the local payment gateway's books. See docs/architecture/sql-snapshots.md.
 */
export default {
  classes: {
    OrderRepository: {
      byId: (w, tx) => [w.order, tx],
      byIds: (w) => [[w.order]],
      byChargeId: (w) => [w.chargeId],
      openOf: (w, tx) => [w.buyer, [w.offer], tx],
      lock: (w, tx) => [tx, w.order],
      insertWithLines: async (w, tx) => {
        const id = w.newId();
        const pending = {
          status: 'PENDING',
          checkoutSessionId: null,
          paymentIntentId: null,
          chargeId: null,
          paidAt: null,
        };
        return [
          tx,
          { ...(await w.load('OrderEntity', { id: w.order })), ...pending, id },
          [{ ...(await w.load('OrderLineEntity', { orderId: w.order, position: 1 })), id: w.newId(), orderId: id }],
          [{ ...(await w.load('OrderSplitEntity', splitKey(w))), orderId: id, transferId: null }],
        ];
      },
      update: (w, tx) => [w.order, { updatedAt: w.at }, tx],
      updateIf: (w, tx) => [w.order, 'PENDING', { status: 'EXPIRED', updatedAt: w.at }, tx],
      addRefunded: (w, tx) => [tx, w.order, 1, 100, w.at],
      pageForBuyer: [
        { name: 'first page', args: (w) => [w.buyer, { first: 20 }, identity] },
        { name: 'after a cursor', args: (w) => [w.buyer, { first: 20, after: w.cursor(w.at, w.order) }, identity] },
      ],
      linesOf: (w, tx) => [w.order, tx],
      linesOfOrders: (w) => [[w.order]],
      line: (w, tx) => [w.order, 1, tx],
      updateLine: async (w, tx) => [
        (await w.load('OrderLineEntity', { orderId: w.order, position: 1 }))['id'],
        { failureReason: null },
        tx,
      ],
      pagePaidLinesForRecipient: [
        { name: 'first page', args: (w) => [w.orderSeller, { first: 20 }, identity] },
        {
          name: 'after a cursor',
          args: (w) => [w.orderSeller, { first: 20, after: w.cursor(w.at, w.order) }, identity],
        },
      ],
      splitsOf: (w, tx) => [w.order, tx],
      splitsOfOrders: (w) => [[w.order]],
      lockSplitsOf: (w, tx) => [tx, w.order],
      split: (w) => [splitKey(w)],
      lockSplit: (w, tx) => [tx, splitKey(w)],
      updateSplit: [
        { name: 'any state', args: (w, tx) => [splitKey(w), { updatedAt: w.at }, { manager: tx }] },
        {
          name: 'only while scheduled',
          args: (w, tx) => [splitKey(w), { transferStatus: 'SENDING' }, { manager: tx, onlyIf: 'SCHEDULED' }],
        },
      ],
      updateSplitsOf: (w, tx) => [tx, w.order, { updatedAt: w.at }],
      addReversed: (w, tx) => [tx, splitKey(w), 10, w.at],
      waitingSplitsOf: (w, tx) => [tx, w.orderSeller],
      linesPaying: (w) => [w.order, w.orderSeller],
      stalledSplits: (w) => [w.at, w.at],
    },
    RefundRepository: {
      insert: async (w, tx) => {
        const id = w.newId();
        return [
          tx,
          { ...(await w.load('RefundEntity', { id: w.refund })), id },
          [{ refundId: id, orderId: w.order, line: 1, amount: 100 }],
        ];
      },
      linesOf: (w, tx) => [tx, w.refund],
      linesOfOrders: (w) => [[w.order]],
      succeededByLine: (w, tx) => [[w.order], tx],
      byId: (w) => [w.refund],
      lock: (w, tx) => [tx, w.refund],
      update: (w, tx) => [tx, w.refund, { status: 'SUCCEEDED', updatedAt: w.at }],
      ofOrders: (w) => [[w.order]],
      succeededTotal: (w, tx) => [tx, w.order],
      stalledIds: (w) => [w.at],
      insertReversal: async (w, tx) => [
        tx,
        { ...(await w.load('ReversalEntity', { id: w.reversal })), id: w.newId(), cause: `sql:${suffix(w)}` },
      ],
      reversalById: (w) => [w.reversal],
      lockReversal: (w, tx) => [tx, w.reversal],
      settleReversal: (w, tx) => [w.reversal, { status: 'REVERSED', updatedAt: w.at }, tx],
      stalledReversalIds: (w) => [w.at],
    },
    DisputeRepository: {
      insertIfNew: async (w, tx) => [
        tx,
        { ...(await w.load('DisputeEntity', { id: w.dispute })), id: `dp_${suffix(w)}` },
      ],
      lock: (w, tx) => [tx, w.dispute],
      close: (w, tx) => [tx, w.dispute, 'WON', w.at],
      byId: (w) => [w.dispute],
    },
    EarningsRepository: {
      byDay: (w) => [w.orderSeller, new Date('2026-01-01T00:00:00Z')],
      totals: (w) => [w.orderSeller],
    },
    PayoutRepository: {
      account: (w, tx) => [w.creator, tx],
      accountByProviderId: (w, tx) => [w.providerAccount, tx],
      lockAccountByProviderId: (w, tx) => [tx, w.providerAccount],
      insertAccountIfMissing: (w) => [w.buyer, `acct_${suffix(w)}`, w.at],
      updateAccount: (w, tx) => [w.creator, { payoutsEnabled: true, updatedAt: w.at }, tx],
      recordPayout: async (w, tx) => [tx, { ...(await w.load('PayoutEntity', { id: w.payout })), status: 'PAID' }],
      pageForCreator: [
        { name: 'first page', args: (w) => [w.creator, { first: 20 }, identity] },
        { name: 'after a cursor', args: (w) => [w.creator, { first: 20, after: w.cursor(w.at, w.payout) }, identity] },
      ],
    },
    WebhookEventRepository: {
      insertIfNew: (w, tx) => [
        tx,
        { id: `evt_${suffix(w)}`, type: 'charge.succeeded', account: null, payload: {}, receivedAt: w.at },
      ],
      byId: (w) => [w.webhookEvent],
      markProcessed: (w) => [`evt_${suffix(w)}`, 'ignored', w.at],
      stalledIds: (w) => [w.at],
    },
    MoneyReviewRepository: {
      items: () => [50],
    },
    LocalGatewayRepository: {
      nowSeconds: { notCaptured: 'reads the clock, no SQL' },
      idempotent: [
        // The first request with a key creates its object; the second returns it (both commit: keep this order).
        {
          name: 'a new key',
          args: (w) => [
            'sql-snapshot',
            'acct_sql',
            (manager: unknown) =>
              w
                .get<Gateway>('LocalGatewayRepository')
                .put(manager, { id: `pi_${suffix(w)}`, object: 'payment_intent' }),
          ],
        },
        {
          name: 'a key seen before',
          args: () => ['sql-snapshot', 'acct_sql', () => Promise.reject(new Error('called'))],
        },
      ],
      get: [
        { name: 'read', args: (w) => [undefined, w.gatewayCharge] },
        { name: 'locked', args: (w, tx) => [tx, w.gatewayCharge, true] },
      ],
      require: (w, tx) => [tx, w.gatewayCharge, 'charge'],
      put: (w, tx) => [tx, { id: `ch_${suffix(w)}`, object: 'charge', amount: 500 }, 'acct_sql'],
      find: (w) => ['transfer', { path: 'source_transaction', equals: w.gatewayCharge }],
      adjust: (_w, tx) => [tx, 'platform', 'usd', 100],
      transferredFrom: (w, tx) => [tx, w.gatewayCharge],
      currenciesOf: () => ['platform'],
      balance: () => ['platform', 'usd'],
      emit: (w, tx) => [tx, 'charge.succeeded', { id: w.gatewayCharge, object: 'charge' }, 'acct_sql'],
    },
  },
} satisfies SqlCaseFile;
