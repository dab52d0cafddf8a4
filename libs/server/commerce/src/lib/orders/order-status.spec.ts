import {
  assertTransition,
  canTransition,
  isDisputed,
  lineStatus,
  ORDER_STATUSES,
  statusAfterRefunds,
} from './order-status';

describe('an order’s life', () => {
  it('ends in REFUNDED or DISPUTE_LOST: nothing leaves them', () => {
    for (const to of ORDER_STATUSES) {
      expect(canTransition('REFUNDED', to)).toBe(false);
      expect(canTransition('DISPUTE_LOST', to)).toBe(false);
    }
  });

  it('becomes PAID from a checkout (open, or expired or superseded but paid anyway) or a won dispute', () => {
    const payable = ORDER_STATUSES.filter((from) => canTransition(from, 'PAID'));
    expect(payable.sort()).toEqual(['CANCELLED', 'DISPUTED', 'EXPIRED', 'PENDING']);
  });

  it('never goes back to PENDING, and an unpaid order cannot be refunded or disputed', () => {
    for (const from of ORDER_STATUSES) expect(canTransition(from, 'PENDING')).toBe(false);
    for (const to of ['REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED'] as const) {
      expect(canTransition('PENDING', to)).toBe(false);
      expect(canTransition('EXPIRED', to)).toBe(false);
    }
  });

  it('refuses a change the table does not allow, loudly (a bug, never user input)', () => {
    expect(assertTransition('PAID', 'REFUNDED')).toBe('REFUNDED');
    expect(() => assertTransition('REFUNDED', 'PAID')).toThrow('order status cannot go from REFUNDED to PAID');
  });

  it('derives the status from what the provider has refunded', () => {
    expect(statusAfterRefunds(1000, 0)).toBe('PAID');
    expect(statusAfterRefunds(1000, 1)).toBe('PARTIALLY_REFUNDED');
    expect(statusAfterRefunds(1000, 999)).toBe('PARTIALLY_REFUNDED');
    expect(statusAfterRefunds(1000, 1000)).toBe('REFUNDED');
  });

  it('leaves a disputed order’s status to the dispute', () => {
    expect(ORDER_STATUSES.filter(isDisputed)).toEqual(['DISPUTED', 'DISPUTE_LOST']);
  });

  it.each([
    // order status, line amount, refunded of the line → the line's status
    ['PENDING', 1000, 0, 'PENDING'],
    ['EXPIRED', 1000, 0, 'EXPIRED'],
    ['PAID', 1000, 0, 'PAID'],
    ['PARTIALLY_REFUNDED', 1000, 0, 'PAID'], // another line was refunded
    ['PARTIALLY_REFUNDED', 1000, 1000, 'REFUNDED'], // this one was
    ['PARTIALLY_REFUNDED', 1000, 250, 'PARTIALLY_REFUNDED'],
    ['REFUNDED', 1000, 1000, 'REFUNDED'],
    ['DISPUTED', 1000, 300, 'DISPUTED'], // a dispute is about the whole charge
    ['DISPUTE_LOST', 1000, 0, 'DISPUTE_LOST'],
  ] as const)('gives a line of a %s order of %p with %p refunded the status %s', (order, amount, refunded, status) => {
    expect(lineStatus(order, amount, refunded)).toBe(status);
  });
});
