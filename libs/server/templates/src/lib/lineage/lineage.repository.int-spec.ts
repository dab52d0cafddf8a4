import { randomUUID } from 'node:crypto';
import type { Money } from '@lookbook/kernel';
import { money } from '@lookbook/kernel';
import type { ReferenceNode, RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed, largestRemainderViolation, referenceShares } from '@lookbook/testing';
import { IntellectualPropertyEntity } from '../ips/ip.entity';
import { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from '../templates/template.entity';
import type { LineageEdge } from './lineage-edge';
import { LineageRepository } from './lineage.repository';
import type { RemixTerms } from './remix-terms';
import type { LineageEntry } from './royalty-cascade';
import { MAX_ROYALTY_DEPTH, royaltyPlan } from './royalty-cascade';

const TERMS: RemixTerms = {
  remixAllowed: true,
  changeableSlots: null,
  allowedUses: ['COMMERCIAL', 'PERSONAL'],
  attribution: ['Harbour Cats © Harbour Studio'],
  ipShareBps: 1500,
  maxMaturity: 'SFW',
  requiredTags: [],
  approval: 'MANUAL',
};
const sha256 = () => randomUUID().replace(/-/g, '').repeat(2);

/** Declared shares per generation (what G`g` passes to G`g-1`), several shapes: flat, uneven with zeros, all zero. */
const SHARES: Record<string, (g: number) => number> = {
  flat: () => 1000,
  uneven: (g) => [2500, 0, 5000, 1, 9999, 3333, 10_000, 4200, 0, 7500][g % 10]!,
  zero: () => 0,
};
const PRICES: Money[] = [money(997, 'USD'), money(1, 'USD'), money(7, 'JPY'), money(123_457, 'KWD')];
const FEES = [1000, 0, 2999];

describe('LineageRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let lineage: LineageRepository;
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const at = () => new Date((clock += 1000));

  beforeAll(async () => {
    bed = await createRepositoryTestBed([
      IntellectualPropertyEntity,
      TemplateEntity,
      TemplateVersionEntity,
      TemplateImageEntity,
    ]);
    lineage = new LineageRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  // Rows other repositories own are seeded with plain SQL.
  const user = async () => (await bed.seed.user()).id;
  async function template(
    ownerId: string,
    change: { status?: string; ipId?: string | null; terms?: RemixTerms | null; subgraphs?: string[] } = {},
  ): Promise<string> {
    const id = randomUUID();
    const status = change.status ?? 'PUBLISHED';
    await bed.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, terms, ip_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [
        id,
        ownerId,
        `t-${id.slice(0, 8)}`,
        `Template ${id.slice(0, 4)}`,
        status,
        change.terms ? JSON.stringify(change.terms) : null,
        change.ipId ?? null,
        at(),
      ],
    );
    const published = status !== 'DRAFT';
    await bed.db.query(
      `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, lockfile, source_sha256,
              subgraph_sha256s, created_at, published_at)
       VALUES ($1, $2, 'v1', $3, '{}', '{"nodes":[],"models":[]}', $4, $5, $6, $7)`,
      [
        randomUUID(),
        id,
        published ? 'PUBLISHED' : 'DRAFT',
        'c'.repeat(64),
        change.subgraphs ?? [],
        at(),
        published ? at() : null,
      ],
    );
    return id;
  }
  async function ip(ownerId: string): Promise<string> {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.intellectual_property (id, owner_id, name, kind, created_at)
       VALUES ($1, $2, $3, 'FRANCHISE', $4)`,
      [id, ownerId, `IP ${id.slice(0, 4)}`, at()],
    );
    return id;
  }
  async function bind(templateId: string, ipId: string, shareBps = 1500, lockedSha256: string | null = null) {
    await bed.db.query(
      `INSERT INTO templates.ip_binding (template_id, ip_id, terms, ip_share_bps, approval, locked_subgraph, created_at)
       VALUES ($1, $2, $3, $4, 'MANUAL', $5, $6)`,
      [
        templateId,
        ipId,
        JSON.stringify({ ...TERMS, ipShareBps: shareBps }),
        shareBps,
        lockedSha256 && JSON.stringify({ id: 'rig', name: 'Harbour Cat rig', revision: 1, sha256: lockedSha256 }),
        at(),
      ],
    );
    await bed.db.query(`UPDATE templates.template SET ip_id = $2, terms = $3 WHERE id = $1`, [
      templateId,
      ipId,
      JSON.stringify({ ...TERMS, ipShareBps: shareBps }),
    ]);
  }
  const edge = (
    childId: string,
    parentId: string,
    shareBps: number,
    status: LineageEdge['status'] = 'APPROVED',
    kind: 'TEMPLATE' | 'MODEL' = 'TEMPLATE',
  ) =>
    bed.dataSource.transaction((tx) =>
      lineage.insertEdge(
        tx,
        { childId, parentId, relation: kind === 'MODEL' ? 'MERGE' : 'REMIX', shareBps, status, createdAt: at() },
        kind,
      ),
    );

  /**
   * An IP owner's bound original G0 and a chain of `depth` remixes below it, each by its own fan, each passing
   * `shares(g)` to its parent. `statuses(g)` decides the edge G`g` → G`g-1`.
   */
  async function chain(
    depth: number,
    {
      shares = SHARES['flat']!,
      ipShareBps = 1500,
      statuses = (): LineageEdge['status'] => 'APPROVED',
    }: { shares?: (g: number) => number; ipShareBps?: number; statuses?: (g: number) => LineageEdge['status'] } = {},
  ) {
    const owner = await user();
    const ipId = await ip(owner);
    const ids = [await template(owner)];
    const authors = [owner];
    await bind(ids[0]!, ipId, ipShareBps);
    for (let g = 1; g <= depth; g += 1) {
      authors.push(await user());
      ids.push(await template(authors[g]!, { ipId, terms: { ...TERMS, ipShareBps } }));
      await edge(ids[g]!, ids[g - 1]!, shares(g), statuses(g));
    }
    return { owner, ipId, ids, authors };
  }

  /** What a sale of `sold` pays, from this repository's two royalty reads (models' authors named by `modelAuthors`). */
  async function planOf(
    sold: string,
    seller: string,
    price: Money,
    fee: number,
    modelAuthors = new Map<string, string>(),
  ) {
    const [nodes, usedIp] = await Promise.all([
      lineage.royaltyLineage(sold, MAX_ROYALTY_DEPTH),
      lineage.ipUsedBy(sold),
    ]);
    const entries = new Map<string, LineageEntry>(
      nodes.map((n) => [
        n.id,
        {
          resourceId: n.id,
          authorId: n.authorId ?? modelAuthors.get(n.id) ?? seller,
          parents: n.parents,
          ip: n.id === sold && usedIp ? { ownerId: usedIp.ownerId, shareBps: usedIp.shareBps } : undefined,
        },
      ]),
    );
    return royaltyPlan(price, fee, sold, seller, entries);
  }

  /** The plan holds against the independent exact model for every price and fee: right people, exact rounding. */
  function expectExact(
    plan: (price: Money, fee: number) => Promise<ReturnType<typeof royaltyPlan>>,
    reference: (fee: number) => Map<string, { n: bigint; d: bigint }>,
  ) {
    return (async () => {
      for (const price of PRICES)
        for (const fee of FEES) {
          const made = await plan(price, fee);
          const amounts = new Map<string, number>([
            ['platform', made.platformFee.amount],
            ...made.parts.map((p) => [p.recipientId, p.amount.amount] as const),
          ]);
          const exact = reference(fee);
          expect({
            price: price.amount,
            fee,
            violation: largestRemainderViolation(price.amount, exact, amounts),
          }).toEqual({ price: price.amount, fee, violation: null });
          // Nobody the model leaves out is paid (a recipient with an exact share may round to 0 on tiny prices).
          for (const [who, amount] of amounts) if (amount) expect(exact.has(who)).toBe(true);
        }
    })();
  }

  /** The chain as the reference model sees it: every generation, the binding on G0, only approved edges. */
  const referenceChain = (
    { ids, authors, owner }: { ids: string[]; authors: string[]; owner: string },
    shares: (g: number) => number,
    ipShareBps: number,
    approved: (g: number) => boolean = () => true,
  ) =>
    new Map<string, ReferenceNode>(
      ids.map((id, g) => [
        id,
        {
          author: authors[g]!,
          parents: g > 0 && approved(g) ? [{ id: ids[g - 1]!, shareBps: shares(g) }] : [],
          ...(g === 0 ? { ip: { owner, shareBps: ipShareBps } } : {}),
        },
      ]),
    );

  describe('the royalty cascade over chains read from the database', () => {
    it.each([
      [1, 'flat', 1500],
      [2, 'uneven', 1500],
      [2, 'zero', 5000],
      [5, 'uneven', 1500],
      [6, 'flat', 1500],
      [6, 'uneven', 0],
      [10, 'uneven', 2500],
      [10, 'zero', 1500],
    ])(
      'a sale %i generations below the bound original (%s shares, IP %i bps) pays what the exact model says',
      async (depth, shape, ipShareBps) => {
        const shares = SHARES[shape]!;
        const built = await chain(depth, { shares, ipShareBps });
        const sold = built.ids[depth]!;
        const seller = built.authors[depth]!;

        // Declared shares are read at most five generations up; each node carries its own parent share.
        const nodes = await lineage.royaltyLineage(sold, MAX_ROYALTY_DEPTH);
        expect(nodes.map((n) => n.id).sort()).toEqual(built.ids.slice(Math.max(0, depth - MAX_ROYALTY_DEPTH)).sort());
        for (const node of nodes) {
          const g = built.ids.indexOf(node.id);
          expect(node).toEqual({
            id: node.id,
            authorId: built.authors[g],
            parents: g ? [{ resourceId: built.ids[g - 1], shareBps: shares(g) }] : [],
          });
        }
        // The IP is found at any depth, with the binding's share.
        expect(await lineage.ipUsedBy(sold)).toEqual({
          ipId: built.ipId,
          ownerId: built.owner,
          shareBps: ipShareBps,
          via: 'LINEAGE',
        });

        const reference = referenceChain(built, shares, ipShareBps);
        await expectExact(
          (price, fee) => planOf(sold, seller, price, fee),
          (fee) => referenceShares(sold, seller, reference, fee, MAX_ROYALTY_DEPTH),
        );
      },
    );

    it.each([6, 10])(
      '%i generations down, the IP owner gets exactly the IP share and nothing declared (beyond five generations)',
      async (depth) => {
        const built = await chain(depth, { shares: () => 10_000 });
        const plan = await planOf(built.ids[depth]!, built.authors[depth]!, money(10_000, 'EUR'), 1000);
        // 15 % of the 9,000 the fee leaves; all the rest climbs five generations and stops there.
        expect(plan.parts.find((p) => p.recipientId === built.owner)).toMatchObject({
          role: 'IP_OWNER',
          amount: money(1350, 'EUR'),
        });
        expect(plan.parts.find((p) => p.recipientId === built.authors[depth - MAX_ROYALTY_DEPTH])).toMatchObject({
          role: 'REMIX_PARENT',
          amount: money(7650, 'EUR'),
        });
        expect(plan.parts.filter((p) => p.amount.amount > 0)).toHaveLength(2);
      },
    );

    it('within five generations the IP owner is paid the IP share and, as the original’s author, its declared share', async () => {
      const built = await chain(2, { shares: () => 5000 });
      const plan = await planOf(built.ids[2]!, built.authors[2]!, money(10_000, 'USD'), 0);
      // 1,500 as IP owner, then 8,500 × ½ × ½ as the original's author, paid once as the IP owner.
      expect(plan.parts.find((p) => p.recipientId === built.owner)).toMatchObject({
        role: 'IP_OWNER',
        amount: money(1500 + 2125, 'USD'),
      });
    });

    it('a remix raising the IP share pays the raised share; lower terms never pay less than the binding', async () => {
      const built = await chain(7);
      const sold = built.ids[7]!;
      const setShare = (share: number) =>
        bed.db.query(`UPDATE templates.template SET terms = $2 WHERE id = $1`, [
          sold,
          JSON.stringify({ ...TERMS, ipShareBps: share }),
        ]);
      await setShare(4000);
      expect(await lineage.ipUsedBy(sold)).toMatchObject({ ipId: built.ipId, shareBps: 4000 });
      const raised = await planOf(sold, built.authors[7]!, money(10_000, 'USD'), 0);
      expect(raised.parts.find((p) => p.role === 'IP_OWNER')?.amount).toEqual(money(4000, 'USD'));
      await setShare(100);
      expect(await lineage.ipUsedBy(sold)).toMatchObject({ ipId: built.ipId, shareBps: 1500 });
      // A stale ip_id changes nothing: the bindings decide.
      await bed.db.query(`UPDATE templates.template SET ip_id = NULL WHERE id = $1`, [sold]);
      expect(await lineage.ipUsedBy(sold)).toMatchObject({ ipId: built.ipId, shareBps: 1500 });
    });

    it('a merge of models reached along two paths pays each author once, the sum of the paths', async () => {
      // M3 merges M1 and M2; both derive from M0. Model authors come from the catalog (here, this map).
      const [m0, m1, m2, m3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const authors = new Map([
        [m0, 'author-0'],
        [m1, 'author-1'],
        [m2, 'author-2'],
        [m3, 'author-3'],
      ]);
      await edge(m1, m0, 2000, 'APPROVED', 'MODEL');
      await edge(m2, m0, 3000, 'APPROVED', 'MODEL');
      await edge(m3, m1, 4000, 'APPROVED', 'MODEL');
      await edge(m3, m2, 1000, 'APPROVED', 'MODEL');
      const nodes = await lineage.royaltyLineage(m3, MAX_ROYALTY_DEPTH);
      expect(nodes).toHaveLength(4);
      expect(nodes.every((n) => n.authorId === null)).toBe(true);
      expect(nodes.find((n) => n.id === m3)!.parents).toEqual([
        { resourceId: m1, shareBps: 4000 },
        { resourceId: m2, shareBps: 1000 },
      ]);
      expect(await lineage.ipUsedBy(m3)).toBeNull();
      const reference = new Map<string, ReferenceNode>([
        [m0, { author: 'author-0', parents: [] }],
        [m1, { author: 'author-1', parents: [{ id: m0, shareBps: 2000 }] }],
        [m2, { author: 'author-2', parents: [{ id: m0, shareBps: 3000 }] }],
        [
          m3,
          {
            author: 'author-3',
            parents: [
              { id: m1, shareBps: 4000 },
              { id: m2, shareBps: 1000 },
            ],
          },
        ],
      ]);
      await expectExact(
        (price, fee) => planOf(m3, 'author-3', price, fee, authors),
        (fee) => referenceShares(m3, 'author-3', reference, fee, MAX_ROYALTY_DEPTH),
      );
    });
  });

  describe('approvals', () => {
    it.each([
      ['the sold remix itself', 6, 6],
      ['an edge in the middle', 6, 3],
      ['the first remix of the original', 10, 1],
    ])(
      'a pending edge (%s) carries no share and no IP until approved; a rejected one never does',
      async (_where, depth, pendingAt) => {
        const shares = SHARES['uneven']!;
        const built = await chain(depth, { shares, statuses: (g) => (g === pendingAt ? 'PENDING' : 'APPROVED') });
        const sold = built.ids[depth]!;
        const seller = built.authors[depth]!;
        // Cut at the pending edge: the owner's IP is out of reach, the generations above it are not paid.
        expect(await lineage.ipUsedBy(sold)).toBeNull();
        const cut = referenceChain(built, shares, 1500, (g) => g !== pendingAt);
        const above = new Map([...cut].filter(([id]) => built.ids.indexOf(id) >= pendingAt));
        await expectExact(
          (price, fee) => planOf(sold, seller, price, fee),
          (fee) => referenceShares(sold, seller, above, fee, MAX_ROYALTY_DEPTH),
        );

        // Approved once: the whole chain pays as if it had always been approved. A second decision finds nothing.
        expect(await lineage.decide(built.ids[pendingAt]!, 'APPROVED')).toBe(true);
        expect(await lineage.decide(built.ids[pendingAt]!, 'REJECTED')).toBe(false);
        expect(await lineage.ipUsedBy(sold)).toMatchObject({ ipId: built.ipId, shareBps: 1500 });
        const whole = referenceChain(built, shares, 1500);
        await expectExact(
          (price, fee) => planOf(sold, seller, price, fee),
          (fee) => referenceShares(sold, seller, whole, fee, MAX_ROYALTY_DEPTH),
        );
      },
    );

    it('a rejected remix stays cut off, and is in nobody’s queue', async () => {
      const built = await chain(3, { statuses: (g) => (g === 3 ? 'PENDING' : 'APPROVED') });
      expect((await lineage.pendingFor(built.owner)).map((e) => e.childId)).toEqual([built.ids[3]]);
      expect(await lineage.decide(built.ids[3]!, 'REJECTED')).toBe(true);
      expect(await lineage.decide(built.ids[3]!, 'APPROVED')).toBe(false);
      expect(await lineage.pendingFor(built.owner)).toEqual([]);
      expect(await lineage.ipUsedBy(built.ids[3]!)).toBeNull();
      expect(await lineage.royaltyLineage(built.ids[3]!, MAX_ROYALTY_DEPTH)).toEqual([
        { id: built.ids[3], authorId: built.authors[3], parents: [] },
      ]);
      expect((await lineage.parentsOf(built.ids[3]!))[0]).toMatchObject({ status: 'REJECTED', shareBps: 1000 });
    });

    it('two concurrent decisions: exactly one passes', async () => {
      for (let round = 0; round < 5; round += 1) {
        const built = await chain(1, { statuses: () => 'PENDING' });
        const outcomes = await Promise.all([
          lineage.decide(built.ids[1]!, 'APPROVED'),
          lineage.decide(built.ids[1]!, 'REJECTED'),
        ]);
        expect(outcomes.filter(Boolean)).toHaveLength(1);
        expect((await lineage.parentsOf(built.ids[1]!))[0]!.status).toBe(outcomes[0] ? 'APPROVED' : 'REJECTED');
      }
    });

    it('the queue holds the owner’s pending remixes only, oldest first', async () => {
      const mine = await chain(2, { statuses: (g) => (g === 2 ? 'PENDING' : 'APPROVED') });
      const second = await template(await user(), { ipId: mine.ipId, terms: TERMS });
      await edge(second, mine.ids[1]!, 700, 'PENDING');
      const theirs = await chain(1, { statuses: () => 'PENDING' });
      expect((await lineage.pendingFor(mine.owner)).map((e) => [e.childId, e.parentId, e.shareBps])).toEqual([
        [mine.ids[2], mine.ids[1], 1000],
        [second, mine.ids[1], 700],
      ]);
      expect((await lineage.pendingFor(theirs.owner)).map((e) => e.childId)).toEqual([theirs.ids[1]]);
      expect(await lineage.pendingFor(await user())).toEqual([]);
    });
  });

  describe('edges', () => {
    it('refuses a cycle at any length, a self-edge and a second edge to the same parent, typed', async () => {
      const { ids } = await chain(4);
      for (const ancestor of [0, 2, 3])
        await expect(edge(ids[ancestor]!, ids[4]!, 0)).rejects.toMatchObject({ code: 'LINEAGE_CYCLE' });
      await expect(edge(ids[4]!, ids[4]!, 0)).rejects.toMatchObject({ code: 'LINEAGE_CYCLE' });
      await expect(edge(ids[4]!, ids[3]!, 500)).rejects.toMatchObject({ code: 'LINEAGE_EXISTS' });
      // A second parent is fine (a merge), and stays acyclic.
      await edge(ids[4]!, ids[1]!, 500);
      expect((await lineage.parentsOf(ids[4]!)).map((e) => e.parentId)).toEqual([ids[3], ids[1]]);
    });

    it('walks up and down a chain, nearest first, within the depth asked', async () => {
      const { ids } = await chain(8);
      const up = await lineage.related(ids[5]!, 'up', 3);
      expect(up.map((e) => [e.childId, e.parentId, e.depth])).toEqual([
        [ids[5], ids[4], 1],
        [ids[4], ids[3], 2],
        [ids[3], ids[2], 3],
      ]);
      const down = await lineage.related(ids[5]!, 'down', 10);
      expect(down.map((e) => [e.childId, e.depth])).toEqual([
        [ids[6], 1],
        [ids[7], 2],
        [ids[8], 3],
      ]);
      expect(await lineage.related(ids[0]!, 'up', 5)).toEqual([]);
    });

    it('a takedown is seen however far up it is, only along approved edges', async () => {
      const { ids } = await chain(60, { shares: () => 0 });
      expect(await lineage.takenDownAncestor(ids[60]!)).toBeNull();
      await bed.db.query(`UPDATE templates.template SET status = 'TAKEN_DOWN' WHERE id = ANY ($1::uuid[])`, [
        [ids[0], ids[2]],
      ]);
      // The nearest one is named.
      expect(await lineage.takenDownAncestor(ids[60]!)).toBe(ids[2]);
      expect(await lineage.takenDownAncestor(ids[1]!)).toBe(ids[0]);
      const waiting = await template(await user());
      await edge(waiting, ids[60]!, 0, 'PENDING');
      expect(await lineage.takenDownAncestor(waiting)).toBeNull();
    });
  });

  describe('the IP a sale uses', () => {
    it('none for a template outside any IP, a model id, or a remix still waiting', async () => {
      const { ipId, ids } = await chain(8);
      expect(await lineage.ipUsedBy(await template(await user()))).toBeNull();
      expect(await lineage.ipUsedBy(randomUUID())).toBeNull();
      const waiting = await template(await user(), { ipId, terms: TERMS });
      await edge(waiting, ids[8]!, 1000, 'PENDING');
      expect(await lineage.ipUsedBy(waiting)).toBeNull();
    });

    it('a template that is no remix but contains a locked subgraph uses that IP; a lineage binding comes first', async () => {
      const RIG = sha256();
      const owner = await user();
      const ipId = await ip(owner);
      await bind(await template(owner, { subgraphs: [RIG] }), ipId, 2500, RIG);
      const holder = await template(await user(), { subgraphs: [sha256(), RIG] });
      expect(await lineage.ipUsedBy(holder)).toEqual({ ipId, ownerId: owner, shareBps: 2500, via: 'SUBGRAPH' });
      // Only published versions count.
      expect(await lineage.ipUsedBy(await template(await user(), { status: 'DRAFT', subgraphs: [RIG] }))).toBeNull();
      const { ipId: lineageIp, ids } = await chain(2);
      await bed.db.query(`UPDATE templates.template_version SET subgraph_sha256s = $2 WHERE template_id = $1`, [
        ids[2],
        [RIG],
      ]);
      expect(await lineage.ipUsedBy(ids[2]!)).toMatchObject({ ipId: lineageIp, via: 'LINEAGE' });
    });
  });

  describe('joining and leaving an IP with the original', () => {
    it('binding takes in remixes made before it, at any depth, keeping their terms; other IPs’ remixes stay', async () => {
      const owner = await user();
      const original = await template(owner);
      const remixes: string[] = [];
      for (let g = 0; g < 7; g += 1) {
        remixes.push(await template(await user()));
        await edge(remixes[g]!, g ? remixes[g - 1]! : original, 1000, g === 3 ? 'PENDING' : 'APPROVED');
      }
      const elsewhere = await ip(await user());
      await bed.db.query(`UPDATE templates.template SET ip_id = $2 WHERE id = $1`, [remixes[6], elsewhere]);
      const ipId = await ip(owner);
      await bind(original, ipId);
      await bed.dataSource.transaction((tx) => lineage.joinIp(tx, original, ipId, at()));
      const rows = await bed.db.query<{ id: string; ip_id: string | null; terms: RemixTerms | null }>(
        `SELECT id, ip_id, terms FROM templates.template WHERE id = ANY ($1::uuid[])`,
        [remixes],
      );
      // Pending or not, they belong to the IP now; the one already in another IP keeps it.
      expect(new Map(rows.map((r) => [r.id, [r.ip_id, r.terms]]))).toEqual(
        new Map(remixes.map((id, g) => [id, [g === 6 ? elsewhere : ipId, null]])),
      );
    });

    it('leaving releases the template and its remixes, approves waiting ones, and keeps every edge', async () => {
      const { ipId, ids, owner } = await chain(6);
      const waiting = await template(await user(), { status: 'DRAFT', ipId, terms: TERMS });
      await edge(waiting, ids[6]!, 700, 'PENDING');
      // Another template of the same IP, and its remix, are not touched.
      const sibling = await template(owner);
      await bind(sibling, ipId);
      const siblingRemix = await template(await user(), { ipId, terms: TERMS });
      await edge(siblingRemix, sibling, 1000, 'PENDING');

      await bed.db.query(`DELETE FROM templates.ip_binding WHERE template_id = $1`, [ids[0]]);
      const outcome = await bed.dataSource.transaction((tx) => lineage.leaveIp(tx, ids[0]!, ipId, at()));
      expect(outcome).toEqual({ releasedRemixes: 7, approvedRemixes: 1 });
      const rows = await bed.db.query<{ id: string; ip_id: string | null; terms: RemixTerms }>(
        `SELECT id, ip_id, terms FROM templates.template WHERE id = ANY ($1::uuid[])`,
        [[...ids, waiting]],
      );
      for (const row of rows)
        expect(row).toMatchObject({ ip_id: null, terms: { ...TERMS, ipShareBps: 0, approval: 'AUTOMATIC' } });
      expect((await lineage.parentsOf(waiting))[0]).toMatchObject({ status: 'APPROVED', shareBps: 700 });
      expect((await lineage.parentsOf(ids[6]!))[0]).toMatchObject({ parentId: ids[5], shareBps: 1000 });
      expect((await lineage.parentsOf(siblingRemix))[0]).toMatchObject({ status: 'PENDING' });
      expect(await lineage.ipUsedBy(ids[6]!)).toBeNull();
      expect(await lineage.ipUsedBy(sibling)).toMatchObject({ ipId });
      // Declared shares still flow once the IP is gone.
      const plan = await planOf(waiting, 'fan', money(10_000, 'USD'), 0);
      expect(plan.parts.some((p) => p.role === 'IP_OWNER')).toBe(false);
      expect(plan.parts.filter((p) => p.role === 'REMIX_PARENT').length).toBeGreaterThan(0);
    });
  });

  describe('who else published a subgraph definition', () => {
    it('finds another user’s published template containing it, first published first', async () => {
      const [RIG, OTHER] = [sha256(), sha256()];
      const owner = await user();
      const ipRef = { id: await ip(owner), ownerId: owner };
      const mine = await template(owner, { subgraphs: [RIG] });
      expect(await lineage.publishedByOthers(RIG, ipRef, mine)).toBeNull();
      // Drafts and taken-down templates do not count; an unpublished one does (it was published first).
      await template(await user(), { status: 'DRAFT', subgraphs: [RIG] });
      await template(await user(), { status: 'TAKEN_DOWN', subgraphs: [RIG] });
      expect(await lineage.publishedByOthers(RIG, ipRef, mine)).toBeNull();
      const earlier = await template(await user(), { status: 'UNPUBLISHED', subgraphs: [OTHER, RIG] });
      await template(await user(), { subgraphs: [RIG] });
      expect(await lineage.publishedByOthers(RIG, ipRef, mine)).toMatchObject({
        templateId: earlier,
        status: 'UNPUBLISHED',
      });
      expect(await lineage.publishedByOthers(sha256(), ipRef, mine)).toBeNull();
    });

    it('remixes of the template being bound, or of one already bound to the IP, do not count', async () => {
      const RIG = sha256();
      const owner = await user();
      const ipId = await ip(owner);
      const ipRef = { id: ipId, ownerId: owner };
      const original = await template(owner, { subgraphs: [RIG] });
      const fan = await template(await user(), { subgraphs: [RIG] });
      await edge(fan, original, 1000);
      const fanOfFan = await template(await user(), { subgraphs: [RIG] });
      await edge(fanOfFan, fan, 1000);
      expect(await lineage.publishedByOthers(RIG, ipRef, original)).toBeNull();
      // Binding a second template: the first one's remixes are the IP's own work too.
      await bind(original, ipId);
      const second = await template(owner, { subgraphs: [RIG] });
      expect(await lineage.publishedByOthers(RIG, ipRef, second)).toBeNull();
      // Someone else's IP does not make them the IP's work.
      const other = await user();
      expect(await lineage.publishedByOthers(RIG, { id: await ip(other), ownerId: other }, randomUUID())).toMatchObject(
        { templateId: original },
      );
    });
  });
});
