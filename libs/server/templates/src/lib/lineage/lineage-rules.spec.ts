import { money } from '@lookbook/kernel';
import type { RemixTerms } from './remix-terms';
import { checkRemix, checkTerms, inheritTerms } from './remix-terms';
import type { LineageEntry } from './royalty-cascade';
import { MAX_ROYALTY_DEPTH, cascadeWeights, royaltyPlan } from './royalty-cascade';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return null;
};

const IP_TERMS: RemixTerms = {
  remixAllowed: true,
  changeableSlots: ['prompt', 'seed'],
  allowedUses: ['PERSONAL', 'COMMERCIAL'],
  attribution: ['Harbour Cats © Maya Lin'],
  ipShareBps: 1500,
  maxMaturity: 'SUGGESTIVE',
  requiredTags: ['harbour-cats'],
  approval: 'MANUAL',
};

describe('remix terms', () => {
  it('holds credit lines, slot keys and required tags to the text rules of every field', () => {
    expect(checkTerms({ ...IP_TERMS, requiredTags: ['  Harbour   Cats ', 'harbour cats'] }).requiredTags).toEqual([
      'harbour cats', // the same rule a remix's own tags follow, so a required tag always matches
    ]);
    expect(code(() => checkTerms({ ...IP_TERMS, attribution: ['Harbour \u202eCats'] }))).toBe('INVALID_TEXT');
    expect(code(() => checkTerms({ ...IP_TERMS, attribution: ['Harbour\u0000Cats'] }))).toBe('INVALID_TEXT');
    expect(code(() => checkTerms({ ...IP_TERMS, attribution: ['   '] }))).toBe('TERMS_INVALID_ATTRIBUTION');
    expect(code(() => checkTerms({ ...IP_TERMS, attribution: ['x'.repeat(201)] }))).toBe('TERMS_INVALID_ATTRIBUTION');
    expect(code(() => checkTerms({ ...IP_TERMS, requiredTags: ['<script>'] }))).toBe('TERMS_INVALID_TAGS');
    expect(code(() => checkTerms({ ...IP_TERMS, changeableSlots: ['seed\u202e'] }))).toBe('INVALID_TEXT');
  });

  it('a remix may tighten every rule, and keeps the inherited credit lines first', () => {
    const tighter = inheritTerms(IP_TERMS, {
      ...IP_TERMS,
      changeableSlots: ['prompt'],
      allowedUses: ['PERSONAL'],
      attribution: ['Remix by Sam', 'Harbour Cats © Maya Lin'],
      ipShareBps: 2000,
      maxMaturity: 'SFW',
      requiredTags: ['harbour-cats', 'fan-art'],
      remixAllowed: false,
    });
    expect(tighter).toMatchObject({
      changeableSlots: ['prompt'],
      allowedUses: ['PERSONAL'],
      attribution: ['Harbour Cats © Maya Lin', 'Remix by Sam'],
      ipShareBps: 2000,
      remixAllowed: false,
    });
  });

  it.each([
    ['opening a locked slot', { changeableSlots: ['prompt', 'seed', 'steps'] }, 'TERMS_LOOSEN_SLOTS'],
    ['opening every slot', { changeableSlots: null }, 'TERMS_LOOSEN_SLOTS'],
    ['a use not allowed upstream', { allowedUses: ['COMMERCIAL' as const] }, null],
    ["lowering the IP owner's share", { ipShareBps: 1000 }, 'TERMS_LOWER_IP_SHARE'],
    ['raising the maturity', { maxMaturity: 'MATURE' as const }, 'TERMS_RAISE_MATURITY'],
    ['dropping a required tag', { requiredTags: [] }, 'TERMS_DROP_TAGS'],
    ['automatic approval under a manual IP', { approval: 'AUTOMATIC' as const }, 'TERMS_LOOSEN_APPROVAL'],
    ['a share out of range', { ipShareBps: 9000 }, 'TERMS_INVALID_SHARE'],
  ])('%s', (_what, change, expected) => {
    expect(code(() => inheritTerms(IP_TERMS, { ...IP_TERMS, ...change }))).toBe(expected);
  });

  it.each([
    ['no credit line at all', []],
    ['only a line of its own', ['Remix by Sam']],
    ['the inherited line reworded', ['Harbour Cats (c) Maya Lin']],
    ['one of two inherited lines', ['Harbour Cats © Maya Lin']],
  ])('dropping inherited credit is refused: %s', (_what, attribution) => {
    const twoLines = { ...IP_TERMS, attribution: ['Harbour Cats © Maya Lin', 'Remix by Sam'] };
    const parent = attribution.length === 1 && attribution[0] === 'Harbour Cats © Maya Lin' ? twoLines : IP_TERMS;
    let error: unknown;
    try {
      inheritTerms(parent, { ...IP_TERMS, attribution });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'TERMS_DROP_ATTRIBUTION', details: { field: 'attribution' } });
    expect((error as Error).message).toContain('“');
  });

  it('inherited credit may be repeated in any order, with lines added; spacing is normalised before comparing', () => {
    const parent = { ...IP_TERMS, attribution: ['Harbour Cats © Maya Lin', 'Remix by Sam'] };
    expect(
      inheritTerms(parent, {
        ...IP_TERMS,
        attribution: ['Night remix by Jo', ' Remix by Sam', 'Harbour Cats © Maya Lin'],
      }).attribution,
    ).toEqual(['Harbour Cats © Maya Lin', 'Remix by Sam', 'Night remix by Jo']);
  });

  it('a use the parent does not allow cannot be added', () => {
    const personal = { ...IP_TERMS, allowedUses: ['PERSONAL' as const] };
    expect(code(() => inheritTerms(personal, { ...IP_TERMS }))).toBe('TERMS_LOOSEN_USES');
  });

  it('nothing may be remixed under terms that forbid remixing', () => {
    const closed = { ...IP_TERMS, remixAllowed: false };
    expect(code(() => inheritTerms(closed, closed))).toBe('REMIX_NOT_ALLOWED');
    expect(
      code(() => checkRemix(closed, { changedSlots: [], maturity: 'SFW', tags: ['harbour-cats'], uses: [] })),
    ).toBe('REMIX_NOT_ALLOWED');
  });

  it.each([
    ['a locked slot changed', { changedSlots: ['steps'] }, 'REMIX_SLOT_LOCKED'],
    ['too mature', { maturity: 'MATURE' as const }, 'REMIX_MATURITY_TOO_HIGH'],
    ['a required tag missing', { tags: [] }, 'REMIX_MISSING_TAGS'],
    ['within the terms', {}, null],
  ])('a remix with %s', (_what, change, expected) => {
    const remix = {
      changedSlots: ['prompt'],
      maturity: 'SFW' as const,
      tags: ['Harbour-Cats'],
      uses: ['COMMERCIAL' as const],
    };
    expect(code(() => checkRemix(checkTerms(IP_TERMS), { ...remix, ...change }))).toBe(expected);
  });
});

const usd = (cents: number) => money(cents, 'USD');
const entry = (resourceId: string, authorId: string, parents: [string, number][] = [], ip?: LineageEntry['ip']) =>
  [
    resourceId,
    { resourceId, authorId, parents: parents.map(([r, s]) => ({ resourceId: r, shareBps: s })), ...(ip ? { ip } : {}) },
  ] as const;

describe('royalty cascade', () => {
  // An IP owner binds the original template (15%); a fan's remix passes 20% to the original.
  const lineage = new Map<string, LineageEntry>([
    entry('original', 'author', [], { ownerId: 'ip-owner', shareBps: 1500 }),
    entry('remix', 'fan', [['original', 2000]]),
  ]);

  it('pays the platform, the IP owner, the original author and the fan exactly', () => {
    const plan = royaltyPlan(usd(10_000), 1000, 'remix', 'fan', lineage);
    expect(plan.platformFee).toEqual(usd(1000));
    expect(plan.parts).toEqual([
      { recipientId: 'fan', role: 'SELLER', amount: usd(6120), shareBps: 6800 },
      { recipientId: 'ip-owner', role: 'IP_OWNER', amount: usd(1350), shareBps: 1500 },
      { recipientId: 'author', role: 'REMIX_PARENT', amount: usd(1530), shareBps: 1700 },
    ]);
  });

  it('sums to the price to the cent, each part within a cent of its exact share, on awkward prices', () => {
    for (const cents of [1, 7, 99, 1999, 123_457]) {
      const plan = royaltyPlan(usd(cents), 1000, 'remix', 'fan', lineage);
      const total = plan.platformFee.amount + plan.parts.reduce((s, p) => s + p.amount.amount, 0);
      expect(total).toBe(cents);
      // Exact shares: fee 10%; IP 15% of 90%; original 20% of 85% of 90%; fan the rest.
      const exact = { 'ip-owner': cents * 0.9 * 0.15, author: cents * 0.9 * 0.85 * 0.2, fan: cents * 0.9 * 0.85 * 0.8 };
      for (const part of plan.parts)
        expect(Math.abs(part.amount.amount - exact[part.recipientId as keyof typeof exact])).toBeLessThan(1);
    }
  });

  it('a sale of the original pays its author as seller and the IP owner', () => {
    const plan = royaltyPlan(usd(1000), 0, 'original', 'author', lineage);
    expect(plan.parts).toEqual([
      { recipientId: 'author', role: 'SELLER', amount: usd(850), shareBps: 8500 },
      { recipientId: 'ip-owner', role: 'IP_OWNER', amount: usd(150), shareBps: 1500 },
    ]);
  });

  it('sums one ancestor reached along two paths, and keeps a self-remixer a seller', () => {
    const diamond = new Map<string, LineageEntry>([
      entry('root', 'rootAuthor'),
      entry('left', 'l', [['root', 5000]]),
      entry('right', 'fan', [['root', 5000]]),
      entry('merge', 'fan', [
        ['left', 5000],
        ['right', 5000],
      ]),
    ]);
    const weights = cascadeWeights('merge', 'fan', diamond);
    const total = weights.reduce((s, w) => s + w.weight, 0n);
    const share = (id: string) => Number((weights.find((w) => w.recipientId === id)!.weight * 10_000n) / total);
    // root: 50% of 50% twice = 50%; left keeps 25%; the fan keeps 0% + 25% (as the right parent's author) = 25%.
    expect(share('rootAuthor')).toBe(5000);
    expect(share('l')).toBe(2500);
    expect(weights.find((w) => w.recipientId === 'fan')).toMatchObject({ role: 'SELLER' });
    expect(share('fan')).toBe(2500);
  });

  it(`stops ${MAX_ROYALTY_DEPTH} generations up: the last one paid keeps its whole portion`, () => {
    const chain = new Map<string, LineageEntry>();
    for (let i = 0; i <= 8; i += 1) {
      const [id, value] = entry(`r${i}`, `a${i}`, i < 8 ? [[`r${i + 1}`, 5000]] : []);
      chain.set(id, value);
    }
    const weights = cascadeWeights('r0', 'a0', chain);
    expect(weights.map((w) => w.recipientId)).toEqual(['a0', 'a5', 'a4', 'a3', 'a2', 'a1']);
    const total = weights.reduce((s, w) => s + w.weight, 0n);
    const a5 = weights.find((w) => w.recipientId === 'a5')!.weight;
    // Five halvings: the fifth ancestor keeps 1/32 of the sale, everything above it gets nothing.
    expect(a5 * 32n).toBe(total);
  });

  it('refuses a cycle, unknown resources and impossible shares with typed errors', () => {
    const loop = new Map<string, LineageEntry>([entry('a', 'x', [['b', 100]]), entry('b', 'y', [['a', 100]])]);
    expect(code(() => cascadeWeights('a', 'x', loop))).toBe('LINEAGE_CYCLE');
    expect(code(() => cascadeWeights('nope', 'x', loop))).toBe('LINEAGE_UNKNOWN');
    const greedy = new Map<string, LineageEntry>([
      entry('p', 'x'),
      entry('q', 'y'),
      entry('c', 'z', [
        ['p', 6000],
        ['q', 6000],
      ]),
    ]);
    expect(code(() => cascadeWeights('c', 'z', greedy))).toBe('LINEAGE_INVALID_SHARES');
    expect(code(() => royaltyPlan(usd(0), 1000, 'remix', 'fan', lineage))).toBe('INVALID_PRICE');
  });

  it('always sums exactly on random lineages', () => {
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 200; round += 1) {
      const size = 1 + rand(7);
      const graph = new Map<string, LineageEntry>();
      for (let i = size - 1; i >= 0; i -= 1) {
        const parents: [string, number][] = [];
        for (let j = i + 1; j < size && parents.length < 3; j += 1)
          if (rand(2)) parents.push([`n${j}`, 1 + rand(3000)]);
        const [id, value] = entry(
          `n${i}`,
          `u${rand(4)}`,
          parents,
          rand(4) === 0 ? { ownerId: 'ip', shareBps: rand(5001) } : undefined,
        );
        graph.set(id, value);
      }
      const price = 1 + rand(100_000);
      const plan = royaltyPlan(usd(price), rand(3001), 'n0', 'seller', graph);
      expect(plan.platformFee.amount + plan.parts.reduce((s, p) => s + p.amount.amount, 0)).toBe(price);
      expect(plan.parts.every((p) => p.amount.amount >= 0)).toBe(true);
    }
  });
});
