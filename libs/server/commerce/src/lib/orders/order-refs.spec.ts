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
    const split = { orderId: id, line: 1, recipientId: recipient, transferAttempt: 0 };
    expect(OrderRefs.transfer(split)).toBe(`order:${id}:split:${recipient}`);
    expect(OrderRefs.transfer({ ...split })).toBe(OrderRefs.transfer(split));
    expect(OrderRefs.transfer({ ...split, transferAttempt: 2 })).toBe(`order:${id}:split:${recipient}:attempt:2`);
  });

  it('names line 1 as orders were named before lines existed, and every other line by its position', () => {
    // What orders created before lines existed already sent to the provider and the ledger: never renamed.
    expect(OrderRefs.license(id, 1)).toBe(`order:${id}`);
    expect(OrderRefs.reversal(`refund:${id}`, 1, recipient)).toBe(`refund:${id}:reverse:${recipient}`);
    expect(OrderRefs.license(id, 3)).toBe(`order:${id}:line:3`);
    expect(OrderRefs.transfer({ orderId: id, line: 2, recipientId: recipient, transferAttempt: 1 })).toBe(
      `order:${id}:line:2:split:${recipient}:attempt:1`,
    );
    expect(OrderRefs.reversal(`dispute:dp_1:lost`, 12, recipient)).toBe(
      `dispute:dp_1:lost:line:12:reverse:${recipient}`,
    );
    // One recipient paid on several lines: a different key per line, for transfers, licences and reversals alike.
    const perLine = (f: (line: number) => string) => new Set([1, 2, 3, 10, 11].map(f)).size;
    expect(
      perLine((line) => OrderRefs.transfer({ orderId: id, line, recipientId: recipient, transferAttempt: 0 })),
    ).toBe(5);
    expect(perLine((line) => OrderRefs.license(id, line))).toBe(5);
    expect(perLine((line) => OrderRefs.reversal('refund:r', line, recipient))).toBe(5);
  });

  it('gives each ledger moment of an order its own reference', () => {
    const refs = [
      OrderRefs.paid(id),
      OrderRefs.processorFee(id),
      OrderRefs.refund(id),
      OrderRefs.disputeOpened('dp_1'),
      OrderRefs.disputeWon('dp_1'),
      OrderRefs.disputeLost('dp_1'),
      OrderRefs.reversal(OrderRefs.refund(id), 1, recipient),
      OrderRefs.reversal(OrderRefs.refund(id), 2, recipient),
    ];
    expect(new Set(refs).size).toBe(refs.length);
  });
});
