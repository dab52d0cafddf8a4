import fc from 'fast-check';
import type { Money } from '@lookbook/kernel';
import { money } from '@lookbook/kernel';
import type { ReferenceNode } from '@lookbook/testing';
import { largestRemainderViolation, referenceAllocation, referenceShares } from '@lookbook/testing';
import type { LineageEntry, SplitPlan } from './royalty-cascade';
import { MAX_ROYALTY_DEPTH, nearestIp, royaltyPlan } from './royalty-cascade';

/**
 * The IP owner's share cannot be dodged by depth: chains of 1 to 12 generations, and random lineages, against the
 * independent exact model in `@lookbook/testing` (rationals, its own IP search and its own rounding).
 */
const SHARES = [1000, 2500, 500, 5000, 3333, 10_000, 1, 4200, 0, 7500, 1234, 9999];

/** G0 (bound to the IP, authored by the IP owner) ← G1 ← … ← G`depth`, each remix by its own fan. */
function chain(depth: number, shares = SHARES, ipShareBps = 1500, rootAuthor = 'ip-owner') {
  const production = new Map<string, LineageEntry>();
  const reference = new Map<string, ReferenceNode>();
  for (let g = 0; g <= depth; g += 1) {
    const author = g === 0 ? rootAuthor : `fan${g}`;
    const parents = g === 0 ? [] : [{ id: `g${g - 1}`, shareBps: shares[(g - 1) % shares.length]! }];
    const ip = g === 0 ? { owner: 'ip-owner', shareBps: ipShareBps } : undefined;
    production.set(`g${g}`, {
      resourceId: `g${g}`,
      authorId: author,
      parents: parents.map((p) => ({ resourceId: p.id, shareBps: p.shareBps })),
      ...(ip ? { ip: { ownerId: ip.owner, shareBps: ip.shareBps } } : {}),
    });
    reference.set(`g${g}`, { author, parents, ...(ip ? { ip } : {}) });
  }
  return { production, reference, sold: `g${depth}`, seller: `fan${depth}` };
}

/** Who got how much (nobody listed for nothing). */
const nonZero = (map: ReadonlyMap<string, number>) => new Map([...map].filter(([, amount]) => amount !== 0));
const amounts = (plan: SplitPlan) =>
  nonZero(
    new Map<string, number>([
      ['platform', plan.platformFee.amount],
      ...plan.parts.map((p) => [p.recipientId, p.amount.amount] as const),
    ]),
  );

describe('the IP owner is paid at any depth', () => {
  const prices: Money[] = [
    money(997, 'USD'),
    money(1, 'USD'),
    money(7, 'JPY'),
    money(123_457, 'KWD'),
    money(10_000, 'EUR'),
  ];

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))(
    'a sale %i generations below the bound template pays exactly what the exact model says',
    (depth) => {
      const { production, reference, sold, seller } = chain(depth);
      for (const price of prices)
        for (const fee of [1000, 0, 2999]) {
          const plan = royaltyPlan(price, fee, sold, seller, production);
          const exact = referenceShares(sold, seller, reference, fee, MAX_ROYALTY_DEPTH);
          // Production's order of equal remainders: the fee, the seller, the IP owner, then the ancestors paid,
          // farthest first. Any order would do for the rule; fixing it lets the amounts be compared exactly.
          const paid = Array.from({ length: Math.min(depth, MAX_ROYALTY_DEPTH) }, (_, i) => depth - 1 - i)
            .reverse()
            .map((g) => (g === 0 ? 'ip-owner' : `fan${g}`));
          const order = [...new Set(['platform', seller, 'ip-owner', ...paid])];
          expect(amounts(plan)).toEqual(nonZero(referenceAllocation(price.amount, exact, order)));
          expect(largestRemainderViolation(price.amount, exact, amounts(plan))).toBeNull();
          // The IP owner is always there, as the IP owner, with their exact share.
          const ipPart = plan.parts.find((p) => p.recipientId === 'ip-owner');
          if (price.amount >= 10) expect(ipPart).toMatchObject({ role: 'IP_OWNER' });
          expect(plan.platformFee.amount + plan.parts.reduce((s, p) => s + p.amount.amount, 0)).toBe(price.amount);
        }
    },
  );

  it('the issue’s example: 997 of a sixth-generation remix pays the IP owner 15 % of what the fee leaves', () => {
    const { production, sold, seller } = chain(6, [1000]);
    const plan = royaltyPlan(money(997, 'USD'), 1000, sold, seller, production);
    // Fee 99.7; the IP owner 15 % of 897.3 = 134.595; 762.705 flows up, 10 % a generation: fan6 keeps 686.4345,
    // fan5 68.64345, fan4 6.864345, fan3 0.6864345, fan2 0.06864345, fan1 (five up) keeps 0.00762705 and the
    // original, six up, gets no parent share. Four cents left over go to the largest fractions: fan4, the fee, fan3, fan5.
    expect(plan.platformFee).toEqual(money(100, 'USD'));
    expect(plan.parts.map((p) => [p.recipientId, p.role, p.amount.amount])).toEqual([
      ['fan6', 'SELLER', 686],
      ['ip-owner', 'IP_OWNER', 134],
      ['fan1', 'REMIX_PARENT', 0],
      ['fan2', 'REMIX_PARENT', 0],
      ['fan3', 'REMIX_PARENT', 1],
      ['fan4', 'REMIX_PARENT', 7],
      ['fan5', 'REMIX_PARENT', 69],
    ]);
  });

  it('finds the IP through parents that are passed nothing, and through a long chain of them', () => {
    const lineage = new Map<string, LineageEntry>();
    for (let g = 0; g <= 40; g += 1)
      lineage.set(`g${g}`, {
        resourceId: `g${g}`,
        authorId: `a${g}`,
        parents: g === 0 ? [] : [{ resourceId: `g${g - 1}`, shareBps: 0 }],
        ...(g === 0 ? { ip: { ownerId: 'ip-owner', shareBps: 5000 } } : {}),
      });
    expect(nearestIp('g40', lineage)).toEqual({ ownerId: 'ip-owner', shareBps: 5000 });
    const plan = royaltyPlan(money(1000, 'USD'), 0, 'g40', 'a40', lineage);
    expect(plan.parts).toEqual([
      { recipientId: 'a40', role: 'SELLER', amount: money(500, 'USD'), shareBps: 5000 },
      { recipientId: 'ip-owner', role: 'IP_OWNER', amount: money(500, 'USD'), shareBps: 5000 },
    ]);
  });

  it('the nearest binding counts, and a bound remix pays its own IP, not an older one further up', () => {
    const lineage = new Map<string, LineageEntry>([
      ['far', { resourceId: 'far', authorId: 'x', parents: [], ip: { ownerId: 'old', shareBps: 100 } }],
      ['near', { resourceId: 'near', authorId: 'y', parents: [{ resourceId: 'far', shareBps: 0 }] }],
      [
        'bound',
        {
          resourceId: 'bound',
          authorId: 'z',
          parents: [{ resourceId: 'near', shareBps: 0 }],
          ip: { ownerId: 'new', shareBps: 900 },
        },
      ],
      ['sold', { resourceId: 'sold', authorId: 's', parents: [{ resourceId: 'bound', shareBps: 0 }] }],
    ]);
    expect(nearestIp('sold', lineage)).toEqual({ ownerId: 'new', shareBps: 900 });
    expect(nearestIp('near', lineage)).toEqual({ ownerId: 'old', shareBps: 100 });
  });
});

/** A random lineage: nodes n0 (sold) … n(k−1), parents always later nodes (a DAG), at most one IP. */
const lineages = fc
  .record({
    size: fc.integer({ min: 1, max: 14 }),
    edges: fc.array(fc.tuple(fc.nat(13), fc.nat(13), fc.integer({ min: 0, max: 10_000 })), { maxLength: 30 }),
    authors: fc.array(fc.constantFrom('u0', 'u1', 'u2', 'u3', 'seller', 'ip-owner'), { minLength: 14, maxLength: 14 }),
    boundAt: fc.option(fc.nat(13), { nil: undefined }),
    ipShareBps: fc.integer({ min: 0, max: 5000 }),
    price: fc.integer({ min: 1, max: 50_000_000 }),
    feeBps: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ size, edges, authors, boundAt, ipShareBps, price, feeBps }) => {
    const parents = new Map<number, { id: number; shareBps: number }[]>();
    for (const [a, b, share] of edges) {
      const [child, parent] = [a % size, b % size].sort((x, y) => x - y) as [number, number];
      if (child === parent) continue;
      const list = parents.get(child) ?? [];
      if (list.some((p) => p.id === parent)) continue;
      // Shares of one resource sum to at most 10,000.
      const room = 10_000 - list.reduce((s, p) => s + p.shareBps, 0);
      list.push({ id: parent, shareBps: Math.min(share, room) });
      parents.set(child, list);
    }
    const production = new Map<string, LineageEntry>();
    const reference = new Map<string, ReferenceNode>();
    for (let i = 0; i < size; i += 1) {
      const ip =
        boundAt !== undefined && boundAt % size === i ? { owner: 'ip-owner', shareBps: ipShareBps } : undefined;
      const own = (parents.get(i) ?? []).map((p) => ({ id: `n${p.id}`, shareBps: p.shareBps }));
      production.set(`n${i}`, {
        resourceId: `n${i}`,
        authorId: authors[i]!,
        parents: own.map((p) => ({ resourceId: p.id, shareBps: p.shareBps })),
        ...(ip ? { ip: { ownerId: ip.owner, shareBps: ip.shareBps } } : {}),
      });
      reference.set(`n${i}`, { author: authors[i]!, parents: own, ...(ip ? { ip } : {}) });
    }
    return { production, reference, price, feeBps };
  });

describe('the cascade on random lineages', () => {
  it('equals the exact model, rounded by the largest remainder, on every lineage', () => {
    fc.assert(
      fc.property(lineages, ({ production, reference, price, feeBps }) => {
        const plan = royaltyPlan(money(price, 'USD'), feeBps, 'n0', 'seller', production);
        const exact = referenceShares('n0', 'seller', reference, feeBps, MAX_ROYALTY_DEPTH);
        expect(largestRemainderViolation(price, exact, amounts(plan))).toBeNull();
        // Roles: the seller stays the seller; the IP owner is IP_OWNER unless they are the seller.
        for (const part of plan.parts)
          if (part.recipientId === 'seller') expect(part.role).toBe('SELLER');
          else if (part.recipientId === 'ip-owner' && nearestIp('n0', production)?.shareBps)
            expect(part.role).toBe('IP_OWNER');
          else expect(part.role).toBe('REMIX_PARENT');
      }),
      { numRuns: 400 },
    );
  });
});
