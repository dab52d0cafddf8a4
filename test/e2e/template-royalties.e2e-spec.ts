import request from 'supertest';
import type { ReferenceNode, TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS, referenceAllocation, referenceShares } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import { comfyuiReferencePresent, publishTemplateVersion, referenceTemplate, remixOf } from './support/templates';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const FEE_BPS = 1000;
const BIND = `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!, $s: String) {
  bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms, lockedSubgraphId: $s) {
    id ipId ipBinding { ipId lockedSubgraph { name } }
  }
}`;
const UNBIND = `mutation($t: UUID!) { unbindTemplateFromIp(templateId: $t) {
  releasedRemixes approvedRemixes template { id ipId terms { ipShareBps approval attribution } ipBinding { ipId } }
} }`;
const REGISTER = `mutation($n: String!) { registerIntellectualProperty(input: { name: $n, kind: CHARACTER }) { id } }`;
const CREATE = `mutation($n: String!) { createTemplate(input: { name: $n }) { id } }`;
const SLOTS = `mutation($v: UUID!, $s: [TemplateSlotInput!]!) { setTemplateSlots(versionId: $v, slots: $s) { id } }`;
const PUBLISH = `mutation($v: UUID!) { publishTemplateVersion(versionId: $v) { id status } }`;
const SET_OFFERS = `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setTemplateLicenseOffers(versionId: $v, offers: $o) { id } }`;
const REMIX = `mutation($p: UUID!, $n: String!, $s: Int!, $terms: RemixTermsInput) {
  remixTemplate(parentId: $p, name: $n, shareBps: $s, terms: $terms) { id }
}`;

const CREDIT = 'Harbour Cats © Harbour Studio';
const TERMS = {
  remixAllowed: true,
  changeableSlots: null,
  allowedUses: ['PERSONAL', 'COMMERCIAL'],
  attribution: [CREDIT],
  ipShareBps: 1500,
  maxMaturity: 'SUGGESTIVE',
  requiredTags: [],
  approval: 'AUTOMATIC',
};
/** What each generation passes to its parent (basis points), one per generation 1…12. */
const SHARES = [1000, 2500, 500, 5000, 3333, 10_000, 1, 4200, 0, 7500, 1234, 9999];
const CURRENCIES = ['USD', 'JPY', 'KWD', 'GBP', 'EUR'] as const;
/** The 997 minor units; KWD charges in steps of 10. */
const priceIn = (currency: string) => (currency === 'KWD' ? 9970 : 997);

/**
 * Royalties that depth cannot dodge, and subgraph locks that cannot be squatted, over HTTP with the local payment
 * gateway. Every sale is checked against the independent exact model in `@lookbook/testing` (rationals and its own
 * largest-remainder rounding), never against the production cascade.
 */
(comfyuiReferencePresent ? describe : describe.skip)('royalties at any depth, and subgraph locks', () => {
  let api: TestApi;
  let pay: PaymentsDriver;

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  async function must<T>(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await as<T>(user, query, variables);
    if (!result.data) throw new Error(`${query.slice(0, 50)}: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
  const registerIp = async (user: TestUser, name: string) =>
    (await must<{ registerIntellectualProperty: { id: string } }>(user, REGISTER, { n: name }))
      .registerIntellectualProperty.id;

  /** Sells one commercial licence of a template version; returns the split amounts by recipient, the fee included. */
  async function sell(seller: TestUser, versionId: string, currency: string) {
    const offer = { ...OFFERS.commercial, priceAmount: priceIn(currency), priceCurrency: currency };
    const set = await must<{ setTemplateLicenseOffers: { id: string }[] }>(seller, SET_OFFERS, {
      v: versionId,
      o: [offer],
    });
    const { orderId } = await pay.buy(await world(api).member(), set.setTemplateLicenseOffers[0]!.id);
    await pay.settle();
    const [order] = await api.db.query<{ status: string; platform_fee: string; amount: string }>(
      `SELECT status, platform_fee, amount FROM commerce."order" WHERE id = $1`,
      [orderId],
    );
    expect(order!.status).toBe('PAID');
    const splits = await api.db.query<{ recipient_id: string; role: string; amount: string }>(
      `SELECT recipient_id, role, amount FROM commerce.order_split WHERE order_id = $1`,
      [orderId],
    );
    const paid = new Map<string, number>([['platform', Number(order!.platform_fee)]]);
    for (const s of splits) if (Number(s.amount)) paid.set(s.recipient_id, Number(s.amount));
    if (!paid.get('platform')) paid.delete('platform');
    return { orderId, paid, roles: new Map(splits.map((s) => [s.recipient_id, s.role])) };
  }

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: String(FEE_BPS) } });
    pay = new PaymentsDriver(api);
  });
  afterAll(() => api.close());

  it('sales 1 to 12 generations below an IP-bound template pay the IP owner, each exactly as the model says', async () => {
    const owner = await world(api).member();
    await pay.onboard(owner);
    const original = await referenceTemplate(api, owner, 'Harbour Cats Official', { draft: true });
    const ipId = await registerIp(owner, 'Harbour Cats');
    expect(errorCode(await as(owner, BIND, { t: original.id, ip: ipId, terms: TERMS }))).toBeUndefined();
    await publishTemplateVersion(api, owner, original.versionId);

    // The reference model of the chain, grown a generation at a time.
    const nodes = new Map<string, ReferenceNode>([
      [original.id, { author: owner.id, parents: [], ip: { owner: owner.id, shareBps: TERMS.ipShareBps } }],
    ]);
    const chain = [original.id];
    const authors = [owner.id];
    for (let depth = 1; depth <= 12; depth += 1) {
      // Fans have no payout account: their money waits for one, which changes nothing about the split.
      const fan = await world(api).member();
      const share = SHARES[depth - 1]!;
      // Automatic approval: each remix publishes at once (the case that used to skip the IP owner).
      const remix = await remixOf(api, fan, chain[depth - 1]!, `Harbour Cats, generation ${depth}`, share);
      await publishTemplateVersion(api, fan, remix.versionId);
      chain.push(remix.id);
      authors.push(fan.id);
      nodes.set(remix.id, { author: fan.id, parents: [{ id: chain[depth - 1]!, shareBps: share }] });

      const currency = CURRENCIES[depth % CURRENCIES.length]!;
      const { paid, roles } = await sell(fan, remix.versionId, currency);
      const exact = referenceShares(remix.id, fan.id, nodes, FEE_BPS, 5);
      // The order production breaks ties in: the fee, the seller, the IP owner, then the ancestors paid, farthest first.
      const ancestors = authors.slice(Math.max(0, depth - 5), depth);
      const expected = referenceAllocation(priceIn(currency), exact, [
        ...new Set(['platform', fan.id, owner.id, ...ancestors]),
      ]);
      expect([depth, currency, paid]).toEqual([
        depth,
        currency,
        new Map([...expected].filter(([, amount]) => amount !== 0)),
      ]);
      // The IP owner is paid as the IP owner at every depth, 15 % of what the fee leaves (or more, as a parent).
      expect(roles.get(owner.id)).toBe('IP_OWNER');
      expect(paid.get(owner.id)).toBeGreaterThanOrEqual(Math.floor(priceIn(currency) * 0.9 * 0.15));
      // Declared shares stop five generations up: nobody above that is paid anything but the IP share.
      for (const above of authors.slice(0, Math.max(0, depth - 5)).filter((a) => a !== owner.id))
        expect(paid.has(above)).toBe(false);
    }
    await pay.assertBooks();
  }, 300_000);

  /** A UI workflow holding the rig subgraph (by content), with a top-level sampler whose seed is a slot. */
  const rigWorkflow = (subgraphId: string, revision: number, steps = 20) =>
    Buffer.from(
      JSON.stringify({
        version: 1,
        nodes: [
          { id: 1, type: subgraphId, widgets_values: [42] },
          { id: 2, type: 'KSampler', widgets_values: [7, 'fixed', 20, 8, 'euler', 'normal', 1] },
        ],
        links: [],
        definitions: {
          subgraphs: [
            {
              id: subgraphId,
              revision,
              name: 'Harbour Cat rig',
              inputNode: { id: -10, bounding: [0, 0, 1, 1] },
              outputNode: { id: -20, bounding: [0, 0, 1, 1] },
              inputs: [],
              outputs: [],
              widgets: [],
              nodes: [{ id: 5, type: 'KSampler', widgets_values: [1, 'fixed', steps, 8, 'euler', 'normal', 1] }],
              links: [],
            },
          ],
        },
      }),
    );
  const importInto = (user: TestUser, templateId: string, body: Buffer) =>
    request(api.server)
      .post(`/api/v1/templates/${templateId}/versions`)
      .set('authorization', `Bearer ${user.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .send(body);
  /**
   * A template of `user` holding the rig (one definition per `steps`: each test its own), with a seed slot; published
   * unless `draft`.
   */
  async function rigTemplate(
    user: TestUser,
    name: string,
    subgraphId: string,
    options: { draft?: boolean; steps?: number } = {},
  ) {
    const id = (await must<{ createTemplate: { id: string } }>(user, CREATE, { n: name })).createTemplate.id;
    const revision = 1 + Math.floor(Math.random() * 9);
    const imported = await importInto(user, id, rigWorkflow(subgraphId, revision, options.steps));
    expect(imported.status).toBe(201);
    const versionId = (imported.body as { id: string }).id;
    const seed = { key: 'seed', nodeId: '2', widget: 'seed', label: 'Seed', type: 'SEED', default: '7' };
    await must(user, SLOTS, { v: versionId, s: [seed] });
    if (!options.draft) await must(user, PUBLISH, { v: versionId });
    return { id, versionId };
  }
  const bindings = (templateId: string) =>
    api.db.query(`SELECT template_id FROM templates.ip_binding WHERE template_id = $1`, [templateId]);
  const uuid = () => crypto.randomUUID();
  /** The id of the (first) subgraph definition a stored version holds. */
  const subgraphIdOf = async (versionId: string) =>
    (
      await api.db.query<{ id: string }>(
        `SELECT ui_workflow::jsonb #>> '{definitions,subgraphs,0,id}' AS id FROM templates.template_version WHERE id = $1`,
        [versionId],
      )
    )[0]!.id;

  it('nobody can lock a subgraph someone else published first; the author keeps using it; one IP per definition', async () => {
    const author = await world(api).member();
    const squatter = await world(api).member();
    const bystander = await world(api).member();
    const rival = await world(api).member();
    // The author publishes the rig first; the squatter pastes it (new id and revision) into a draft and registers an IP.
    const authored = await rigTemplate(author, 'Harbour Cat rig', uuid());
    const squatted = await rigTemplate(squatter, 'My cat rig', uuid(), { draft: true });
    const squatIp = await registerIp(squatter, 'Harbour Cat (not theirs)');
    const subgraphId = await subgraphIdOf(squatted.versionId);
    const refused = await as(squatter, BIND, { t: squatted.id, ip: squatIp, terms: TERMS, s: subgraphId });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringContaining('“Harbour Cat rig”'),
      extensions: {
        code: 'IP_SUBGRAPH_PUBLISHED_BY_OTHERS',
        field: 'lockedSubgraphId',
        subgraph: 'Harbour Cat rig',
        template: 'Harbour Cat rig',
      },
    });
    expect(await bindings(squatted.id)).toEqual([]);
    // Binding without the lock is their right; the author's workflow is never refused.
    expect(errorCode(await as(squatter, BIND, { t: squatted.id, ip: squatIp, terms: TERMS }))).toBeUndefined();
    const newer = await importInto(author, authored.id, rigWorkflow(uuid(), 5));
    expect(newer.status).toBe(201);
    const another = await rigTemplate(author, 'Harbour Cat rig, night', uuid());
    expect(another.versionId).toBeTruthy();

    // A bystander's draft holds the rig too; the author — who published it first — locks it to their own IP.
    const drafted = await rigTemplate(bystander, 'Cat study', uuid(), { draft: true });
    const rivalDraft = await rigTemplate(rival, 'Dock cat', uuid(), { draft: true });
    const authorIp = await registerIp(author, 'Harbour Cat');
    // The lock names the subgraph as the newest version has it.
    const authorSubgraph = await subgraphIdOf((newer.body as { id: string }).id);
    type Bound = { bindTemplateToIp: { ipBinding: { ipId: string; lockedSubgraph: { name: string } } } };
    const locked = await as<Bound>(author, BIND, {
      t: authored.id,
      ip: authorIp,
      terms: { ...TERMS, changeableSlots: ['seed'] },
      s: authorSubgraph,
    });
    expect(locked.errors).toBeUndefined();
    expect(locked.data?.bindTemplateToIp.ipBinding).toEqual({
      ipId: authorIp,
      lockedSubgraph: { name: 'Harbour Cat rig' },
    });
    // Now the draft cannot be published with it, nor can anyone import it; the author's other template still sells.
    expect(errorCode(await as(bystander, PUBLISH, { v: drafted.versionId }))).toBe('TEMPLATE_USES_LOCKED_IP');
    expect((await importInto(squatter, squatted.id, rigWorkflow(uuid(), 2))).body.error.code).toBe(
      'TEMPLATE_USES_LOCKED_IP',
    );
    // A second IP cannot lock the same definition, whoever holds it.
    const rivalIp = await registerIp(rival, 'Dock Cat');
    const second = await as(rival, BIND, {
      t: rivalDraft.id,
      ip: rivalIp,
      terms: TERMS,
      s: await subgraphIdOf(rivalDraft.versionId),
    });
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'IP_SUBGRAPH_LOCKED_ELSEWHERE',
      ip: 'Harbour Cat',
      subgraph: 'Harbour Cat rig',
    });
    expect(await bindings(rivalDraft.id)).toEqual([]);
  });

  it('a ripped rig taken down does not block its owner; restored, it pays the IP owner like a remix', async () => {
    const [ripper, owner] = [await world(api).member(), await world(api).member()];
    await pay.onboard(owner);
    const ripped = await rigTemplate(ripper, 'Free cat rig', uuid(), { steps: 31 });
    const official = await rigTemplate(owner, 'Official cat rig', uuid(), { draft: true, steps: 31 });
    const ipId = await registerIp(owner, 'Official Cat');
    const rigId = await subgraphIdOf(official.versionId);
    const terms = { ...TERMS, ipShareBps: 2000 };
    expect(errorCode(await as(owner, BIND, { t: official.id, ip: ipId, terms, s: rigId }))).toBe(
      'IP_SUBGRAPH_PUBLISHED_BY_OTHERS',
    );
    await api.db.query(`UPDATE templates.template SET status = 'TAKEN_DOWN' WHERE id = $1`, [ripped.id]);
    expect(errorCode(await as(owner, BIND, { t: official.id, ip: ipId, terms, s: rigId }))).toBeUndefined();
    // Restored later: no remix of anything, but it contains the IP, so its sales pay the IP owner's 20 %.
    await api.db.query(`UPDATE templates.template SET status = 'PUBLISHED' WHERE id = $1`, [ripped.id]);
    const nodes = new Map<string, ReferenceNode>([
      [ripped.id, { author: ripper.id, parents: [], ip: { owner: owner.id, shareBps: 2000 } }],
    ]);
    for (const currency of ['USD', 'KWD', 'JPY']) {
      const { paid, roles } = await sell(ripper, ripped.versionId, currency);
      const exact = referenceShares(ripped.id, ripper.id, nodes, FEE_BPS);
      expect(paid).toEqual(referenceAllocation(priceIn(currency), exact, ['platform', ripper.id, owner.id]));
      expect(roles.get(owner.id)).toBe('IP_OWNER');
    }
  }, 180_000);

  it('unbinding releases the lock and the remixes: no IP share from their next sale, lineage shares kept', async () => {
    const owner = await world(api).member();
    const [fan, waiter, stranger] = [await world(api).member(), await world(api).member(), await world(api).member()];
    await pay.onboard(owner);
    const original = await rigTemplate(owner, 'Harbour Dog rig', uuid(), { draft: true, steps: 41 });
    const ipId = await registerIp(owner, 'Harbour Dog');
    const rigId = await subgraphIdOf(original.versionId);
    const manual = { ...TERMS, approval: 'MANUAL' };
    expect(errorCode(await as(owner, BIND, { t: original.id, ip: ipId, terms: manual, s: rigId }))).toBeUndefined();
    await publishTemplateVersion(api, owner, original.versionId);
    // One remix approved and on sale, one waiting for the owner.
    const sold = await remixOf(api, fan, original.id, 'Harbour Dog at noon', 2000);
    await must(owner, `mutation($t: UUID!) { decideRemix(templateId: $t, approve: true) { status } }`, { t: sold.id });
    await publishTemplateVersion(api, fan, sold.versionId);
    const waiting = await remixOf(api, waiter, original.id, 'Harbour Dog at dusk', 500);
    expect(errorCode(await as(waiter, PUBLISH, { v: waiting.versionId }))).toBe('REMIX_PENDING_APPROVAL');
    const before = await sell(fan, sold.versionId, 'EUR');
    expect(before.roles.get(owner.id)).toBe('IP_OWNER');

    // Only the IP owner unbinds, only a bound template.
    expect(errorCode(await as(fan, UNBIND, { t: original.id }))).toBe('IP_NOT_OWNER');
    expect(errorCode(await as(stranger, UNBIND, { t: waiting.id }))).toBe('TEMPLATE_NOT_FOUND');
    expect(errorCode(await as(fan, UNBIND, { t: sold.id }))).toBe('TEMPLATE_NOT_BOUND');
    expect(errorCode(await as(owner, UNBIND, { t: uuid() }))).toBe('TEMPLATE_NOT_FOUND');
    expect(await bindings(original.id)).toHaveLength(1);

    const unbound = await must<{
      unbindTemplateFromIp: {
        releasedRemixes: number;
        approvedRemixes: number;
        template: { ipId: string | null; terms: object; ipBinding: null };
      };
    }>(owner, UNBIND, { t: original.id });
    expect(unbound.unbindTemplateFromIp).toEqual({
      releasedRemixes: 2,
      approvedRemixes: 1,
      template: {
        id: original.id,
        ipId: null,
        terms: { ipShareBps: 0, approval: 'AUTOMATIC', attribution: [CREDIT] },
        ipBinding: null,
      },
    });
    expect(errorCode(await as(owner, UNBIND, { t: original.id }))).toBe('TEMPLATE_NOT_BOUND');
    // The waiting remix was approved (nobody is left to decide) and publishes.
    expect(errorCode(await as(waiter, PUBLISH, { v: waiting.versionId }))).toBeUndefined();
    // The next sale of the approved remix pays no IP share; the declared 20 % still reaches the original's author.
    const after = await sell(fan, sold.versionId, 'EUR');
    const nodes = new Map<string, ReferenceNode>([
      [original.id, { author: owner.id, parents: [] }],
      [sold.id, { author: fan.id, parents: [{ id: original.id, shareBps: 2000 }] }],
    ]);
    expect(after.paid).toEqual(
      referenceAllocation(997, referenceShares(sold.id, fan.id, nodes, FEE_BPS), ['platform', fan.id, owner.id]),
    );
    expect(after.roles.get(owner.id)).toBe('REMIX_PARENT');
    // The sale made before is unchanged.
    const [kept] = await api.db.query<{ role: string }>(
      `SELECT role FROM commerce.order_split WHERE order_id = $1 AND recipient_id = $2`,
      [before.orderId, owner.id],
    );
    expect(kept!.role).toBe('IP_OWNER');
    // The lock is gone: anyone may carry the rig again.
    const free = await rigTemplate(stranger, 'Dog rig, free at last', rigId, { steps: 41 });
    expect(free.id).toBeTruthy();
    // And the template may be bound again (now someone else has published the rig, it cannot be locked again).
    expect(errorCode(await as(owner, BIND, { t: original.id, ip: ipId, terms: TERMS, s: rigId }))).toBe(
      'IP_SUBGRAPH_PUBLISHED_BY_OTHERS',
    );
    expect(errorCode(await as(owner, BIND, { t: original.id, ip: ipId, terms: TERMS }))).toBeUndefined();
  }, 180_000);

  it('a remix that drops the credit the IP requires is refused like every loosening; nothing is created', async () => {
    const owner = await world(api).member();
    const fan = await world(api).member();
    const original = await referenceTemplate(api, owner, 'Credited original', { draft: true });
    const ipId = await registerIp(owner, 'Credited IP');
    const terms = { ...TERMS, attribution: [CREDIT, 'Character design by Maya Lin'] };
    expect(errorCode(await as(owner, BIND, { t: original.id, ip: ipId, terms }))).toBeUndefined();
    await publishTemplateVersion(api, owner, original.versionId);
    const count = async () =>
      Number(
        (
          await api.db.query<{ n: string }>(`SELECT count(*) AS n FROM templates.template WHERE owner_id = $1`, [
            fan.id,
          ])
        )[0]!.n,
      );
    for (const attribution of [[], ['Remix by Sam'], [CREDIT], ['Harbour Cats (c) Harbour Studio']]) {
      const result = await as(fan, REMIX, {
        p: original.id,
        n: 'Uncredited',
        s: 1000,
        terms: { ...terms, attribution },
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'TERMS_DROP_ATTRIBUTION',
        field: 'attribution',
      });
    }
    expect(await count()).toBe(0);
    // Keeping the inherited lines (in any order) and adding one is fine.
    const kept = { ...terms, attribution: ['Remix by Sam', 'Character design by Maya Lin', CREDIT] };
    expect(errorCode(await as(fan, REMIX, { p: original.id, n: 'Credited', s: 1000, terms: kept }))).toBeUndefined();
    expect(await count()).toBe(1);
  });

  it('binding refuses slot keys the template does not have, naming the key; nothing is bound', async () => {
    const owner = await world(api).member();
    const original = await referenceTemplate(api, owner, 'Slots original', { draft: true });
    const ipId = await registerIp(owner, 'Slots IP');
    for (const [slots, key] of [
      [['seed', 'cfg'], 'cfg'],
      [['Seed'], 'Seed'],
      [['seed', ''], ''],
      [['steps'], 'steps'],
    ] as const) {
      const result = await as(owner, BIND, { t: original.id, ip: ipId, terms: { ...TERMS, changeableSlots: slots } });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'IP_UNKNOWN_SLOT',
        field: 'changeableSlots',
        key,
      });
    }
    expect(await bindings(original.id)).toEqual([]);
    expect(
      errorCode(await as(owner, BIND, { t: original.id, ip: ipId, terms: { ...TERMS, changeableSlots: ['seed'] } })),
    ).toBeUndefined();
  });
});
