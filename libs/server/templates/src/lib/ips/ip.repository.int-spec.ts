import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import type { RemixTerms } from '../lineage/remix-terms';
import { TemplateEntity, TemplateImageEntity, TemplateVersionEntity } from '../templates/template.entity';
import { IntellectualPropertyEntity } from './ip.entity';
import { IpRepository } from './ip.repository';

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

describe('IpRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let ips: IpRepository;
  let clock = Date.parse('2026-03-01T00:00:00Z');
  const at = () => new Date((clock += 1000));

  beforeAll(async () => {
    bed = await createRepositoryTestBed([
      IntellectualPropertyEntity,
      TemplateEntity,
      TemplateVersionEntity,
      TemplateImageEntity,
    ]);
    ips = new IpRepository(bed.dataSource);
  });
  afterAll(() => bed.close());
  // Each test its own definitions: the database is shared by the file.
  let RIG: string;
  let OTHER_RIG: string;
  beforeEach(() => {
    [RIG, OTHER_RIG] = [sha256(), sha256()];
  });

  const user = async () => (await bed.seed.user()).id;
  async function template(
    ownerId: string,
    change: { status?: string; ipId?: string | null; terms?: RemixTerms | null; subgraphs?: string[] | null } = {},
  ): Promise<string> {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, terms, ip_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [
        id,
        ownerId,
        `t-${id.slice(0, 8)}`,
        `Template ${id.slice(0, 4)}`,
        change.status ?? 'PUBLISHED',
        change.terms ? JSON.stringify(change.terms) : null,
        change.ipId ?? null,
        at(),
      ],
    );
    const published = (change.status ?? 'PUBLISHED') !== 'DRAFT';
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
    await ips.insertIp({
      id,
      ownerId,
      name: `IP ${id.slice(0, 4)}`,
      kind: 'FRANCHISE',
      description: '',
      createdAt: at(),
    });
    return id;
  }
  const bind = (templateId: string, ipId: string, share = 1500, locked: string | null = null) =>
    bed.dataSource.transaction((tx) =>
      ips.bind(
        tx,
        {
          templateId,
          ipId,
          terms: { ...TERMS, ipShareBps: share },
          lockedSubgraph: locked ? { id: 'rig', name: 'Harbour Cat rig', revision: 1, sha256: locked } : null,
        },
        at(),
      ),
    );
  const edge = (childId: string, parentId: string, shareBps: number, status: 'APPROVED' | 'PENDING' = 'APPROVED') =>
    bed.dataSource.transaction((tx) =>
      ips.insertEdge(tx, { childId, parentId, relation: 'REMIX', shareBps, status, createdAt: at() }),
    );

  /** An IP owner's bound original and a chain of `depth` remixes below it, each by its own fan. */
  async function chain(depth: number, shares: (g: number) => number = () => 1000) {
    const owner = await user();
    const ipId = await ip(owner);
    const ids = [await template(owner)];
    await bind(ids[0]!, ipId);
    for (let g = 1; g <= depth; g += 1) {
      ids.push(await template(await user(), { ipId, terms: TERMS }));
      await edge(ids[g]!, ids[g - 1]!, shares(g));
    }
    return { owner, ipId, ids };
  }

  describe('the royalty lineage read', () => {
    it.each([1, 5, 6, 12])(
      'a chain %i deep: declared shares up to five generations, the IP at any depth',
      async (depth) => {
        const { owner, ipId, ids } = await chain(depth, (g) => (g % 3 === 0 ? 0 : 500 * g));
        const sold = ids[depth]!;
        const nodes = await ips.royaltyLineage(sold, 5);
        // The sold template and at most five generations above it; zero shares are kept (a parent all the same).
        expect(nodes.map((n) => n.id).sort()).toEqual(ids.slice(Math.max(0, depth - 5)).sort());
        const own = nodes.find((n) => n.id === sold)!;
        expect(own.parents).toEqual([{ resourceId: ids[depth - 1], shareBps: depth % 3 === 0 ? 0 : 500 * depth }]);
        expect(await ips.ipUsedBy(sold)).toEqual({ ipId, ownerId: owner, shareBps: 1500, via: 'LINEAGE' });
      },
    );

    it('a takedown is seen however far up it is', async () => {
      const { ids } = await chain(60, () => 0);
      expect(await ips.takenDownAncestor(ids[60]!)).toBeNull();
      await bed.db.query(`UPDATE templates.template SET status = 'TAKEN_DOWN' WHERE id = ANY ($1::uuid[])`, [
        [ids[0], ids[2]],
      ]);
      // The nearest one is named.
      expect(await ips.takenDownAncestor(ids[60]!)).toBe(ids[2]);
      expect(await ips.takenDownAncestor(ids[1]!)).toBe(ids[0]);
    });

    it('finds the IP through the lineage alone, not through ip_id, and only along approved edges', async () => {
      const { owner, ipId, ids } = await chain(8);
      // A stale ip_id changes nothing: the bindings decide.
      await bed.db.query(`UPDATE templates.template SET ip_id = NULL WHERE id = $1`, [ids[8]]);
      expect(await ips.ipUsedBy(ids[8]!)).toMatchObject({ ipId, ownerId: owner });
      // A remix still waiting for approval is not a descendant for a sale.
      const waiting = await template(await user(), { ipId, terms: TERMS });
      await edge(waiting, ids[8]!, 1000, 'PENDING');
      expect(await ips.ipUsedBy(waiting)).toBeNull();
      // A template outside any IP, and a model id, use none.
      expect(await ips.ipUsedBy(await template(await user()))).toBeNull();
      expect(await ips.ipUsedBy(randomUUID())).toBeNull();
    });

    it('pays the larger of the binding’s share and a remix’s own raised share of the same IP', async () => {
      const { ipId, ids } = await chain(7);
      await bed.db.query(`UPDATE templates.template SET terms = $2 WHERE id = $1`, [
        ids[7],
        JSON.stringify({ ...TERMS, ipShareBps: 4000 }),
      ]);
      expect(await ips.ipUsedBy(ids[7]!)).toMatchObject({ ipId, shareBps: 4000 });
      // Lower terms (not possible through the API) never pay less than the binding.
      await bed.db.query(`UPDATE templates.template SET terms = $2 WHERE id = $1`, [
        ids[7],
        JSON.stringify({ ...TERMS, ipShareBps: 100 }),
      ]);
      expect(await ips.ipUsedBy(ids[7]!)).toMatchObject({ ipId, shareBps: 1500 });
    });

    it('a template that is no remix but contains a locked subgraph uses that IP', async () => {
      const owner = await user();
      const ipId = await ip(owner);
      await bind(await template(owner, { subgraphs: [RIG] }), ipId, 2500, RIG);
      const holder = await template(await user(), { subgraphs: [OTHER_RIG, RIG] });
      expect(await ips.ipUsedBy(holder)).toEqual({ ipId, ownerId: owner, shareBps: 2500, via: 'SUBGRAPH' });
      // Only published versions count, and a lineage binding comes first.
      const draftOnly = await template(await user(), { status: 'DRAFT', subgraphs: [RIG] });
      expect(await ips.ipUsedBy(draftOnly)).toBeNull();
      const { ipId: lineageIp, ids } = await chain(2);
      await bed.db.query(`UPDATE templates.template_version SET subgraph_sha256s = $2 WHERE template_id = $1`, [
        ids[2],
        [RIG],
      ]);
      expect(await ips.ipUsedBy(ids[2]!)).toMatchObject({ ipId: lineageIp, via: 'LINEAGE' });
    });
  });

  describe('binding and unbinding', () => {
    it('a binding takes in remixes made before it, at any depth', async () => {
      const owner = await user();
      const original = await template(owner);
      const remixes: string[] = [];
      for (let g = 0; g < 7; g += 1) {
        remixes.push(await template(await user()));
        await edge(remixes[g]!, g ? remixes[g - 1]! : original, 1000);
      }
      const ipId = await ip(owner);
      await bind(original, ipId);
      const rows = await bed.db.query<{ ip_id: string | null; terms: RemixTerms | null }>(
        `SELECT ip_id, terms FROM templates.template WHERE id = ANY ($1::uuid[])`,
        [remixes],
      );
      // They join the IP and keep the (absent) terms they were made under.
      expect(rows).toEqual(remixes.map(() => ({ ip_id: ipId, terms: null })));
    });

    it('unbinding releases the lock and the remixes below, approves waiting ones, and keeps the lineage', async () => {
      const { owner, ipId, ids } = await chain(6);
      await bed.db.query(`UPDATE templates.ip_binding SET locked_subgraph = $2 WHERE template_id = $1`, [
        ids[0],
        JSON.stringify({ id: 'rig', name: 'Harbour Cat rig', revision: 1, sha256: RIG }),
      ]);
      const waiting = await template(await user(), { status: 'DRAFT', ipId, terms: TERMS });
      await edge(waiting, ids[6]!, 700, 'PENDING');
      // Another template of the same IP is not touched.
      const sibling = await template(owner);
      await bind(sibling, ipId);
      expect(await ips.lockedBindings([RIG])).toHaveLength(1);

      const outcome = await bed.dataSource.transaction((tx) => ips.unbind(tx, ids[0]!, ipId, at()));
      expect(outcome).toEqual({ releasedRemixes: 7, approvedRemixes: 1 });
      expect(await ips.lockedBindings([RIG])).toEqual([]);
      expect(await ips.bindingsOf([ids[0]!, sibling])).toEqual([
        { templateId: sibling, ipId, lockedSubgraph: null, boundAt: expect.any(Date) },
      ]);
      const rows = await bed.db.query<{ id: string; ip_id: string | null; terms: RemixTerms }>(
        `SELECT id, ip_id, terms FROM templates.template WHERE id = ANY ($1::uuid[])`,
        [[...ids, waiting]],
      );
      for (const row of rows)
        expect(row).toMatchObject({
          ip_id: null,
          terms: { ...TERMS, ipShareBps: 0, approval: 'AUTOMATIC' },
        });
      expect((await ips.parentsOf(waiting))[0]).toMatchObject({ status: 'APPROVED', shareBps: 700 });
      expect((await ips.parentsOf(ids[6]!))[0]).toMatchObject({ parentId: ids[5], shareBps: 1000 });
      expect(await ips.ipUsedBy(ids[6]!)).toBeNull();
      expect(await ips.ipUsedBy(sibling)).toMatchObject({ ipId });
      // Bound again: the remixes belong to the IP again.
      await bind(ids[0]!, ipId, 2000);
      expect(await ips.ipUsedBy(ids[6]!)).toMatchObject({ ipId, shareBps: 2000 });
    });
  });

  describe('who may lock a subgraph', () => {
    it('finds another user’s published template containing the definition, first published first', async () => {
      const owner = await user();
      const ipId = await ip(owner);
      const ipRef = { id: ipId, ownerId: owner };
      const mine = await template(owner, { subgraphs: [RIG] });
      expect(await ips.publishedByOthers(RIG, ipRef, mine)).toBeNull();
      // Drafts and taken-down templates do not count; an unpublished one does (it was published first).
      await template(await user(), { status: 'DRAFT', subgraphs: [RIG] });
      await template(await user(), { status: 'TAKEN_DOWN', subgraphs: [RIG] });
      expect(await ips.publishedByOthers(RIG, ipRef, mine)).toBeNull();
      const earlier = await template(await user(), { status: 'UNPUBLISHED', subgraphs: [OTHER_RIG, RIG] });
      await template(await user(), { subgraphs: [RIG] });
      expect(await ips.publishedByOthers(RIG, ipRef, mine)).toMatchObject({
        templateId: earlier,
        status: 'UNPUBLISHED',
      });
      expect(await ips.publishedByOthers(sha256(), ipRef, mine)).toBeNull();
    });

    it('remixes of the template being bound, or of one already bound to the IP, do not count', async () => {
      const owner = await user();
      const ipId = await ip(owner);
      const ipRef = { id: ipId, ownerId: owner };
      const original = await template(owner, { subgraphs: [RIG] });
      const fan = await template(await user(), { subgraphs: [RIG] });
      await edge(fan, original, 1000);
      const fanOfFan = await template(await user(), { subgraphs: [RIG] });
      await edge(fanOfFan, fan, 1000);
      expect(await ips.publishedByOthers(RIG, ipRef, original)).toBeNull();
      // Binding a second template: the first one's remixes are the IP's own work too.
      await bind(original, ipId);
      const second = await template(owner, { subgraphs: [RIG] });
      expect(await ips.publishedByOthers(RIG, ipRef, second)).toBeNull();
      // Someone else's IP does not make them the IP's work.
      const other = await user();
      expect(await ips.publishedByOthers(RIG, { id: await ip(other), ownerId: other }, randomUUID())).toMatchObject({
        templateId: original,
      });
    });

    it('serialises everything about one definition', async () => {
      await bed.inRollback(async (tx) => {
        await ips.lockSubgraphs(tx, [RIG, OTHER_RIG]);
        const probe = (sha: string) =>
          bed.db.query<{ got: boolean }>(
            `SELECT pg_try_advisory_lock(hashtextextended('templates.subgraph:' || $1, 0)) AS got`,
            [sha],
          );
        expect(await probe(RIG)).toEqual([{ got: false }]);
        expect(await probe(sha256())).toEqual([{ got: true }]);
        await bed.db.query(`SELECT pg_advisory_unlock_all()`);
      });
    });
  });
});
