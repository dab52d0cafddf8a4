import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { TestUser } from '@lookbook/testing';
import { errorCode, gql, OFFERS, REFERENCE_DIR } from '@lookbook/testing';
import { PaymentsDriver } from './support/payments';
import { comfyuiReferencePresent, publishTemplateVersion, referenceTemplate, remixOf } from './support/templates';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';
import { world } from './support/world';

const BIND = `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!) { bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms) { id } }`;
const DECIDE = `mutation($t: UUID!) { decideRemix(templateId: $t, approve: true) { status } }`;
const SET_OFFERS = `mutation($v: UUID!, $o: [LicenseOfferInput!]!) {
  setTemplateLicenseOffers(versionId: $v, offers: $o) { id tier priceAmount }
}`;
const OFFERS_OF = `query($v: UUID!) { templateVersion(id: $v) { id licenseOffers { id tier } } }`;
const CHECKOUT = `mutation($o: UUID!) { checkout(offerId: $o) { order { id } } }`;
const ORDER = `query($id: UUID!) { order(id: $id) { status amount refundedAmount licenseId subjectKind } }`;
const REFUND = `mutation($id: UUID!) { refundOrder(orderId: $id) { amount status } }`;
const EARNINGS = `query { myEarnings { currency available lifetimeEarnings } }`;

const TERMS = {
  remixAllowed: true,
  changeableSlots: null,
  allowedUses: ['PERSONAL', 'COMMERCIAL'],
  attribution: ['Harbour Cats © Harbour Studio'],
  ipShareBps: 1500,
  maxMaturity: 'SUGGESTIVE',
  requiredTags: [],
  approval: 'MANUAL',
};
const COMMERCIAL = { ...OFFERS.commercial, priceAmount: 10_000, priceCurrency: 'USD' };

interface Split {
  recipient_id: string;
  role: string;
  amount: string;
  transfer_status: string;
  transfer_amount: string | null;
  reversed_amount: string;
}

/**
 * The lineage pays, exactly, over HTTP with the local payment gateway: an IP owner binds a template (15 %, manual
 * approval); an artist remixes it, a fan remixes the artist's remix; the owner approves both; the fan sells a
 * commercial licence; the sale pays the platform, the IP owner, the artist and the fan to the cent, each transfer goes
 * out, and a refund reverses every one of them.
 */
(comfyuiReferencePresent ? describe : describe.skip)('selling a remix pays its lineage', () => {
  let api: TestApi;
  let pay: PaymentsDriver;
  let owner: TestUser;
  let artist: TestUser;
  let fan: TestUser;
  let original: { id: string; versionId: string };
  let artistRemix: { id: string; versionId: string };
  let fanRemix: { id: string; versionId: string };
  let offerId: string;

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const splitsOf = (orderId: string) =>
    api.db.query<Split>(
      `SELECT recipient_id, role, amount, transfer_status, transfer_amount, reversed_amount
         FROM commerce.order_split WHERE order_id = $1 ORDER BY amount DESC`,
      [orderId],
    );

  beforeAll(async () => {
    api = await startTestApi({ env: { PLATFORM_FEE_BPS: '1000' } });
    pay = new PaymentsDriver(api);
    [owner, artist, fan] = [await world(api).member(), await world(api).member(), await world(api).member()];
    for (const user of [owner, artist, fan]) await pay.onboard(user);

    original = await referenceTemplate(api, owner, 'Harbour Cats Official', { draft: true });
    const ip = await as<{ registerIntellectualProperty: { id: string } }>(
      owner,
      `mutation { registerIntellectualProperty(input: { name: "Harbour Cats", kind: FRANCHISE }) { id } }`,
    );
    expect(
      errorCode(await as(owner, BIND, { t: original.id, ip: ip.data!.registerIntellectualProperty.id, terms: TERMS })),
    ).toBeUndefined();
    await publishTemplateVersion(api, owner, original.versionId);

    // Two generations of remixes, each approved by the IP owner before it can be published.
    artistRemix = await remixOf(api, artist, original.id, 'Harbour Cats at Dusk', 1000);
    expect(
      errorCode(
        await as(artist, `mutation($v: UUID!) { publishTemplateVersion(versionId: $v) { id } }`, {
          v: artistRemix.versionId,
        }),
      ),
    ).toBe('REMIX_PENDING_APPROVAL');
    expect(errorCode(await as(owner, DECIDE, { t: artistRemix.id }))).toBeUndefined();
    await publishTemplateVersion(api, artist, artistRemix.versionId);
    fanRemix = await remixOf(api, fan, artistRemix.id, 'Harbour Cats Neon', 2000);
    expect(errorCode(await as(owner, DECIDE, { t: fanRemix.id }))).toBeUndefined();
    await publishTemplateVersion(api, fan, fanRemix.versionId);
  });
  afterAll(() => api.close());

  it('offers only what the IP terms allow, and only on the author’s own version', async () => {
    // The terms require credit: a licence without it is refused, and nothing is offered.
    const uncredited = {
      ...COMMERCIAL,
      permissions: { ...COMMERCIAL.permissions, creditRequired: false, creditLine: null },
    };
    expect(errorCode(await as(fan, SET_OFFERS, { v: fanRemix.versionId, o: [uncredited] }))).toBe(
      'TERMS_REQUIRE_CREDIT',
    );
    expect(errorCode(await as(artist, SET_OFFERS, { v: fanRemix.versionId, o: [COMMERCIAL] }))).toBe(
      'TEMPLATE_VERSION_NOT_FOUND',
    );
    const none = await as<{ templateVersion: { licenseOffers: unknown[] } }>(undefined, OFFERS_OF, {
      v: fanRemix.versionId,
    });
    expect(none.data!.templateVersion.licenseOffers).toEqual([]);

    const set = await as<{ setTemplateLicenseOffers: { id: string; tier: string }[] }>(fan, SET_OFFERS, {
      v: fanRemix.versionId,
      o: [COMMERCIAL],
    });
    offerId = set.data!.setTemplateLicenseOffers[0]!.id;
    const shown = await as<{ templateVersion: { licenseOffers: { id: string }[] } }>(undefined, OFFERS_OF, {
      v: fanRemix.versionId,
    });
    expect(shown.data!.templateVersion.licenseOffers).toEqual([{ id: offerId, tier: 'COMMERCIAL' }]);
  });

  it('pays the platform, IP owner, artist and fan exactly; transfers go out; a refund reverses every part', async () => {
    const buyer = await world(api).member();
    const { orderId } = await pay.buy(buyer, offerId);
    await pay.settle();
    const order = await as<{ order: { status: string; licenseId: string } }>(buyer, ORDER, { id: orderId });
    expect(order.data!.order.status).toBe('PAID');

    // 10,000: fee 10 % = 1,000; IP 15 % of 9,000 = 1,350; the fan passes 20 % of 7,650 = 1,530 to the artist, who
    // passes 10 % of that (153) to the original — the IP owner again; the artist keeps 1,377; the fan 6,120.
    const [platform] = await api.db.query<{ platform_fee: string }>(
      `SELECT platform_fee FROM commerce."order" WHERE id = $1`,
      [orderId],
    );
    expect(Number(platform!.platform_fee)).toBe(1000);
    const splits = await splitsOf(orderId);
    expect(splits.map((s) => [s.recipient_id, s.role, Number(s.amount)])).toEqual([
      [fan.id, 'SELLER', 6120],
      [owner.id, 'IP_OWNER', 1503],
      [artist.id, 'REMIX_PARENT', 1377],
    ]);
    expect(splits.every((s) => s.transfer_status === 'SENT' && s.transfer_amount === s.amount)).toBe(true);
    for (const [user, amount] of [
      [fan, 6120],
      [owner, 1503],
      [artist, 1377],
    ] as const) {
      const earned = await as<{ myEarnings: { available: number }[] }>(user, EARNINGS);
      expect(earned.data!.myEarnings).toEqual([expect.objectContaining({ currency: 'USD', available: amount })]);
    }

    // The buyer holds a certificate for the exact workflow file.
    const licence = await request(api.server).get(`/api/v1/licenses/${order.data!.order.licenseId}/verify`).expect(200);
    expect(licence.body).toMatchObject({
      valid: true,
      status: 'ACTIVE',
      license: {
        subjectKind: 'TEMPLATE',
        resource: `urn:lookbook:template:${fanRemix.id}:version:${fanRemix.versionId}`,
        modelId: fanRemix.id,
      },
    });
    const [grant] = await api.db.query<{ file_sha256s: string[]; source_sha256: string }>(
      `SELECT g.file_sha256s, v.source_sha256 FROM licensing.grant g JOIN templates.template_version v ON v.id = g.version_id
        WHERE g.id = $1`,
      [order.data!.order.licenseId],
    );
    expect(grant!.file_sha256s).toEqual([grant!.source_sha256]);

    expect(errorCode(await as(buyer, REFUND, { id: orderId }))).toBeUndefined();
    await pay.settle();
    const refunded = await as<{ order: { status: string; refundedAmount: number } }>(buyer, ORDER, { id: orderId });
    expect(refunded.data!.order).toMatchObject({ status: 'REFUNDED', refundedAmount: 10_000 });
    expect((await splitsOf(orderId)).map((s) => Number(s.reversed_amount))).toEqual([6120, 1503, 1377]);
    for (const user of [fan, owner, artist]) {
      const earned = await as<{ myEarnings: { available: number }[] }>(user, EARNINGS);
      expect(earned.data!.myEarnings).toEqual([expect.objectContaining({ currency: 'USD', available: 0 })]);
    }
    const revoked = await request(api.server).get(`/api/v1/licenses/${order.data!.order.licenseId}/verify`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'REVOKED', revocationReason: 'REFUNDED' });
    await pay.assertBooks();
  });

  it('stops selling a remix whose ancestor is taken down, refunding a checkout paid meanwhile; unpublished is fine', async () => {
    const early = await world(api).member();
    const opened = await pay.checkout(early, offerId); // opened before the takedown, paid after it
    await api.db.query(`UPDATE templates.template SET status = 'TAKEN_DOWN' WHERE id = $1`, [artistRemix.id]);
    try {
      const late = await world(api).member();
      expect(errorCode(await as(late, CHECKOUT, { o: offerId }))).toBe('REMIX_PARENT_TAKEN_DOWN');
      expect(await api.db.query(`SELECT id FROM commerce."order" WHERE buyer_id = $1`, [late.id])).toEqual([]);

      await request(api.server).post(`/local-gateway/checkout/${opened.sessionId}/confirm?card=succeeds`).expect(303);
      await pay.settle();
      const order = await as<{ order: { status: string; licenseId: string | null } }>(early, ORDER, {
        id: opened.orderId,
      });
      expect(order.data!.order).toMatchObject({ status: 'REFUNDED', licenseId: null, subjectKind: 'TEMPLATE' });
      const [row] = await api.db.query<{ failure_reason: string }>(
        `SELECT failure_reason FROM commerce."order" WHERE id = $1`,
        [opened.orderId],
      );
      expect(row!.failure_reason).toBe('REMIX_PARENT_TAKEN_DOWN');
    } finally {
      await api.db.query(`UPDATE templates.template SET status = 'PUBLISHED' WHERE id = $1`, [artistRemix.id]);
    }

    // The original unpublished by its owner: the remix still sells, and the lineage is still paid.
    await api.db.query(`UPDATE templates.template SET status = 'UNPUBLISHED' WHERE id = $1`, [original.id]);
    const buyer = await world(api).member();
    const { orderId } = await pay.buy(buyer, offerId);
    await pay.settle();
    expect((await splitsOf(orderId)).map((s) => Number(s.amount))).toEqual([6120, 1503, 1377]);
    await pay.assertBooks();
  });

  it('rolls up what a buyer must hold for a purpose, and the checker explains a reference image', async () => {
    // The LoRA the reference workflow loads, in the catalog under its file name, with personal and commercial offers.
    const ingest = await startTestWorker(api.db.url);
    const creator = await world(api).member();
    const lora = await publishedVersion(api, creator);
    await ingest.close();
    await api.db.query(`UPDATE catalog.model_file SET file_name = 'epiNoiseoffset_v2.safetensors' WHERE id = $1`, [
      lora.fileId,
    ]);
    const ROLLUP = `query($v: UUID!, $p: TemplateUse!) { templateVersion(id: $v) { licenseRollup(purpose: $p) {
      verdict reasons lines { kind name status reason resolved { matchedBy versionId } held { tier } offer { id tier } }
    } } }`;
    type Rollup = {
      verdict: string;
      reasons: string[];
      lines: {
        kind: string;
        name: string;
        status: string;
        resolved: { matchedBy: string; versionId: string } | null;
        held: { tier: string } | null;
        offer: { id: string; tier: string } | null;
      }[];
    };
    const rollup = async (user: TestUser | undefined, purpose: string) =>
      (await as<{ templateVersion: { licenseRollup: Rollup } }>(user, ROLLUP, { v: fanRemix.versionId, p: purpose }))
        .data!.templateVersion.licenseRollup;
    const statuses = (r: Rollup) => r.lines.map((l) => [l.kind, l.status]);

    const buyer = await world(api).member();
    const before = await rollup(buyer, 'COMMERCIAL');
    expect(before.verdict).toBe('NOT_COVERED');
    expect(statuses(before)).toEqual([
      ['template', 'AVAILABLE'],
      ['checkpoint', 'OPEN_LICENSE'], // v1-5-pruned-emaonly.ckpt: Stable Diffusion 1.5, by its file name
      ['lora', 'AVAILABLE'],
    ]);
    expect(before.lines[2]).toMatchObject({
      resolved: { matchedBy: 'FILE_NAME', versionId: lora.versionId },
      offer: { id: lora.offers['COMMERCIAL']!.id, tier: 'COMMERCIAL' },
    });

    // A personal licence of the LoRA covers personal use, not commercial.
    await pay.buy(buyer, lora.offers['PERSONAL']!.id);
    await pay.settle();
    expect(statuses(await rollup(buyer, 'COMMERCIAL'))[2]).toEqual(['lora', 'AVAILABLE']);
    const personal = await rollup(buyer, 'PERSONAL');
    expect(personal.lines[2]).toMatchObject({ status: 'HELD', held: { tier: 'PERSONAL' } });
    // The fan sees their own work as theirs; anonymous viewers hold nothing.
    expect(statuses(await rollup(fan, 'COMMERCIAL'))[0]).toEqual(['template', 'OWN']);
    expect(statuses(await rollup(undefined, 'PERSONAL'))[2]).toEqual(['lora', 'AVAILABLE']);

    // The checker: the reference image's own dependencies, explained; the file is never stored.
    const image = readFileSync(join(REFERENCE_DIR, 'comfyui', 'lora.png'));
    const check = (user: TestUser | undefined, purpose: string, body: Buffer, type = 'image/png') => {
      const req = request(api.server).post(`/api/v1/license-check?purpose=${purpose}`).set('content-type', type);
      return (user ? req.set('authorization', `Bearer ${user.accessToken}`) : req).send(body);
    };
    const checked = await check(buyer, 'PERSONAL', image).expect(200);
    expect(checked.body).toMatchObject({
      verdict: 'COVERED',
      purpose: 'PERSONAL',
      reasons: ['Personal use is covered'],
    });
    const lines = (checked.body as { lines: { name: string; status: string }[] }).lines;
    expect(lines.map((l) => [l.name, l.status])).toEqual([
      ['v1-5-pruned-emaonly.ckpt', 'OPEN_LICENSE'],
      ['epiNoiseoffset_v2.safetensors', 'HELD'],
    ]);
    const anonymous = await check(undefined, 'COMMERCIAL', image).expect(200);
    expect(anonymous.body).toMatchObject({ verdict: 'NOT_COVERED' });
    expect(anonymous.body.reasons).toEqual([
      'epiNoiseoffset_v2.safetensors: You need the commercial licence (matched by file name)',
    ]);

    // Bad input: a typed error each, nothing stored.
    const templates = await api.db.query(`SELECT count(*) FROM templates.template_version`);
    expect((await check(buyer, 'RESALE', image).expect(400)).body.error.code).toBe('INVALID_PURPOSE');
    expect(
      (
        await check(buyer, 'PERSONAL', Buffer.from('{"nodes": ['))
          .set('content-type', 'application/octet-stream')
          .expect(400)
      ).body.error.code,
    ).toMatch(/^WORKFLOW_/);
    expect(
      (await check(buyer, 'PERSONAL', Buffer.from('{}'), 'application/json').expect(415)).body.error.code,
    ).toBeTruthy();
    expect(await api.db.query(`SELECT count(*) FROM templates.template_version`)).toEqual(templates);
  });

  it('a model derived from another pays its author through the same cascade; bad declarations change nothing', async () => {
    const ingest = await startTestWorker(api.db.url);
    const [original, deriver] = [await world(api).member(), await world(api).member()];
    await pay.onboard(original);
    await pay.onboard(deriver);
    const base = await publishedVersion(api, original);
    const tuned = await publishedVersion(api, deriver);
    await ingest.close();
    const DERIVE = `mutation($m: UUID!, $p: UUID!, $r: String!, $s: Int!) {
      deriveModel(modelId: $m, parentModelId: $p, relation: $r, shareBps: $s) { childId parentId relation shareBps status }
    }`;
    const derive = (user: TestUser, m: string, p: string, r = 'FINETUNE', s = 2000) =>
      as<{ deriveModel: object }>(user, DERIVE, { m, p, r, s });
    expect(errorCode(await derive(deriver, tuned.modelId, base.modelId, 'REMIX'))).toBe('LINEAGE_INVALID_RELATION');
    expect(errorCode(await derive(deriver, tuned.modelId, base.modelId, 'FINETUNE', 10_001))).toBe(
      'REMIX_INVALID_SHARE',
    );
    expect(errorCode(await derive(original, tuned.modelId, base.modelId))).toBe('MODEL_NOT_FOUND');
    expect(errorCode(await derive(deriver, tuned.modelId, tuned.modelId))).toBe('LINEAGE_CYCLE');
    expect(await api.db.query(`SELECT 1 FROM templates.lineage_edge WHERE child_id = $1`, [tuned.modelId])).toEqual([]);

    const declared = await derive(deriver, tuned.modelId, base.modelId);
    expect(declared.data!.deriveModel).toEqual({
      childId: tuned.modelId,
      parentId: base.modelId,
      relation: 'FINETUNE',
      shareBps: 2000,
      status: 'APPROVED',
    });
    expect(errorCode(await derive(deriver, tuned.modelId, base.modelId))).toBe('LINEAGE_EXISTS');
    expect(errorCode(await derive(original, base.modelId, tuned.modelId))).toBe('LINEAGE_CYCLE');
    const parents = await as<{ modelParents: { parentId: string; parentModel: { id: string } | null }[] }>(
      undefined,
      `query($m: UUID!) { modelParents(modelId: $m) { parentId parentModel { id } } }`,
      { m: tuned.modelId },
    );
    // The parent as a model, for the model page's "Derived from".
    expect(parents.data!.modelParents).toEqual([{ parentId: base.modelId, parentModel: { id: base.modelId } }]);

    // 49.00: fee 4.90; the fine-tune passes 20 % of 44.10 (8.82) to the base model's author; its author keeps 35.28.
    const { orderId } = await pay.buy(await world(api).member(), tuned.offers['COMMERCIAL']!.id);
    await pay.settle();
    expect((await splitsOf(orderId)).map((s) => [s.recipient_id, s.role, Number(s.amount), s.transfer_status])).toEqual(
      [
        [deriver.id, 'SELLER', 3528, 'SENT'],
        [original.id, 'REMIX_PARENT', 882, 'SENT'],
      ],
    );
    await pay.assertBooks();
  });
});
