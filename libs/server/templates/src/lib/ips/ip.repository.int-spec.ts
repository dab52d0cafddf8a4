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
const rig = (sha: string, name = 'Harbour Cat rig') => ({ id: 'rig', name, revision: 1, sha256: sha });

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

  const user = async () => (await bed.seed.user()).id;
  // Templates are the template repository's rows: seeded with plain SQL.
  async function template(ownerId: string): Promise<string> {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, created_at, updated_at)
       VALUES ($1, $2, $3, 'Harbour Cats', 'PUBLISHED', $4, $4)`,
      [id, ownerId, `t-${id.slice(0, 8)}`, at()],
    );
    return id;
  }
  async function ip(ownerId: string, name = 'Harbour Cats'): Promise<string> {
    const id = randomUUID();
    await ips.insertIp({ id, ownerId, name, kind: 'FRANCHISE', description: '', createdAt: at() });
    return id;
  }
  const bind = (templateId: string, ipId: string, share = 1500, locked: string | null = null) =>
    bed.dataSource.transaction((tx) =>
      ips.bind(
        tx,
        { templateId, ipId, terms: { ...TERMS, ipShareBps: share }, lockedSubgraph: locked ? rig(locked) : null },
        at(),
      ),
    );

  it('stores IPs and lists an owner’s, newest first', async () => {
    const owner = await user();
    const first = await ip(owner, 'Harbour Cats');
    const second = await ip(owner, 'Dock Dogs');
    await ip(await user(), 'Someone else’s');
    expect((await ips.ipsOf(owner)).map((i) => [i.id, i.name])).toEqual([
      [second, 'Dock Dogs'],
      [first, 'Harbour Cats'],
    ]);
    expect(await ips.ipById(first)).toMatchObject({ ownerId: owner, kind: 'FRANCHISE' });
    expect(await ips.ipById(randomUUID())).toBeNull();
    expect(await ips.ipsOf(await user())).toEqual([]);
  });

  it('a binding stores its terms and share, and gives the template its IP and terms', async () => {
    const owner = await user();
    const ipId = await ip(owner);
    const [plain, locked] = [await template(owner), await template(owner)];
    const RIG = sha256();
    await bind(plain, ipId, 2500);
    await bind(locked, ipId, 0, RIG);
    const bindings = await ips.bindingsOf([plain, locked, randomUUID()]);
    expect(new Map(bindings.map((b) => [b.templateId, b]))).toEqual(
      new Map([
        [plain, { templateId: plain, ipId, lockedSubgraph: null, boundAt: expect.any(Date) }],
        [locked, { templateId: locked, ipId, lockedSubgraph: rig(RIG), boundAt: expect.any(Date) }],
      ]),
    );
    const rows = await bed.db.query<{ id: string; ip_id: string; terms: RemixTerms; ip_share_bps: number }>(
      `SELECT t.id, t.ip_id, t.terms, b.ip_share_bps FROM templates.template t
         JOIN templates.ip_binding b ON b.template_id = t.id WHERE t.id = ANY ($1::uuid[])`,
      [[plain, locked]],
    );
    expect(new Map(rows.map((r) => [r.id, r]))).toEqual(
      new Map([
        [plain, { id: plain, ip_id: ipId, terms: { ...TERMS, ipShareBps: 2500 }, ip_share_bps: 2500 }],
        [locked, { id: locked, ip_id: ipId, terms: { ...TERMS, ipShareBps: 0 }, ip_share_bps: 0 }],
      ]),
    );
    expect(await ips.bindingsOf([])).toEqual([]);
    // One binding per template.
    await expect(bind(plain, ipId)).rejects.toThrow();
  });

  it('unbinding removes that binding only, and with it the lock', async () => {
    const owner = await user();
    const ipId = await ip(owner);
    const [first, second] = [await template(owner), await template(owner)];
    const RIG = sha256();
    await bind(first, ipId, 1500, RIG);
    await bind(second, ipId);
    // The IP must match: another IP's id removes nothing.
    await bed.dataSource.transaction((tx) => ips.unbind(tx, first, randomUUID()));
    expect(await ips.lockedBindings([RIG])).toHaveLength(1);
    await bed.dataSource.transaction((tx) => ips.unbind(tx, first, ipId));
    expect(await ips.lockedBindings([RIG])).toEqual([]);
    expect((await ips.bindingsOf([first, second])).map((b) => b.templateId)).toEqual([second]);
  });

  it('finds the bindings locking any of these definitions, with the IP’s and the subgraph’s names, oldest first', async () => {
    const [RIG, OTHER, NONE] = [sha256(), sha256(), sha256()];
    const owner = await user();
    const cats = await ip(owner, 'Harbour Cats');
    const dogs = await ip(owner, 'Dock Dogs');
    const [a, b, c] = [await template(owner), await template(owner), await template(owner)];
    await bind(a, cats, 1500, RIG);
    await bind(b, dogs, 1500, OTHER);
    await bind(c, dogs);
    expect(await ips.lockedBindings([NONE, OTHER, RIG])).toEqual([
      { ipId: cats, ipName: 'Harbour Cats', subgraphName: 'Harbour Cat rig', templateId: a },
      { ipId: dogs, ipName: 'Dock Dogs', subgraphName: 'Harbour Cat rig', templateId: b },
    ]);
    expect(await ips.lockedBindings([NONE])).toEqual([]);
    expect(await ips.lockedBindings([])).toEqual([]);
  });

  it('serialises everything about one definition until the transaction ends', async () => {
    const [RIG, OTHER] = [sha256(), sha256()];
    const probe = async (sha: string) => {
      const [row] = await bed.db.query<{ got: boolean }>(
        `SELECT pg_try_advisory_lock(hashtextextended('templates.subgraph:' || $1, 0)) AS got`,
        [sha],
      );
      await bed.db.query(`SELECT pg_advisory_unlock_all()`);
      return row!.got;
    };
    await bed.inRollback(async (tx) => {
      await ips.lockSubgraphs(tx, [RIG, OTHER, RIG]);
      expect([await probe(RIG), await probe(OTHER), await probe(sha256())]).toEqual([false, false, true]);
    });
    // Released with the transaction.
    expect(await probe(RIG)).toBe(true);
    await bed.inRollback((tx) => ips.lockSubgraphs(tx, []));
  });
});
