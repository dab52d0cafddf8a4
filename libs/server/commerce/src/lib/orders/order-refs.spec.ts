import { OrderRefs } from './order-refs';

const id = '0b9d6c1e-5f7a-4c3b-9a2d-1e8f7c6b5a49';
const recipient = '7d4e2f1a-9c8b-4a6d-8e5f-3b2c1a0f9e8d';

describe('an order’s external references', () => {
  it('parses back the order of its own transfer group, and nothing else', () => {
    expect(OrderRefs.orderOfTransferGroup(OrderRefs.transferGroup(id))).toBe(id);
    for (const other of [null, undefined, 42, '', 'order:', 'order:not-a-uuid', `group:${id}`, `order:${id}x`]) {
      expect(OrderRefs.orderOfTransferGroup(other)).toBeNull();
    }
  });

  it('keys a split’s transfer the same on every retry, and anew only after a refusal', () => {
    const split = { orderId: id, recipientId: recipient, transferAttempt: 0 };
    expect(OrderRefs.transfer(split)).toBe(`order:${id}:split:${recipient}`);
    expect(OrderRefs.transfer({ ...split })).toBe(OrderRefs.transfer(split));
    expect(OrderRefs.transfer({ ...split, transferAttempt: 2 })).toBe(`order:${id}:split:${recipient}:attempt:2`);
  });

  it('gives each ledger moment of an order its own reference', () => {
    const refs = [
      OrderRefs.paid(id),
      OrderRefs.processorFee(id),
      OrderRefs.refund(id),
      OrderRefs.disputeOpened('dp_1'),
      OrderRefs.disputeWon('dp_1'),
      OrderRefs.disputeLost('dp_1'),
      OrderRefs.reversal(OrderRefs.refund(id), recipient),
    ];
    expect(new Set(refs).size).toBe(refs.length);
  });
});
