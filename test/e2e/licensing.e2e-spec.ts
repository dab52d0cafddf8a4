import type { INestApplicationContext } from '@nestjs/common';
import { createLocalJWKSet, jwtVerify } from 'jose';
import request from 'supertest';
import { errorCode, gql, OFFERS, setOffers, signUpUser } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { PUBLISH, publishedVersion, readyDraft } from './support/versions';
import { world } from './support/world';

const GIFT = `mutation($o: UUID!, $h: String!) { giftLicense(offerId: $o, licenseeHandle: $h) { id tier status certificate source } }`;
const REVOKE = `mutation($id: UUID!, $r: RevocationReason!, $n: String) { revokeLicense(id: $id, reason: $r, note: $n) { id status revocationReason } }`;
const VERIFY = `query($c: String!) { verifyLicense(certificate: $c) { valid problem status license { id tier resource termsSha256 fileSha256s licensee { handle } priceAmount certificate } } }`;
const CLAIM = `mutation($v: UUID!) { claimFreeLicense(versionId: $v) { id tier source status } }`;

describe('licensing over HTTP: offers → grant → certificate → verify → revoke', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let buyer: TestUser;
  let stranger: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker(api.db.url);
    const people = world(api);
    [creator, buyer, stranger] = await Promise.all([people.member(), people.member(), people.member()]);
    moderator = await people.staff('moderator');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const as = <T>(user: TestUser | undefined, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(api.server, query, variables, user?.accessToken);
  const download = (fileId: string, user?: TestUser) => {
    const req = request(api.server).get(`/api/v1/model-files/${fileId}/download`);
    return user ? req.set('authorization', `Bearer ${user.accessToken}`) : req;
  };
  const versionStatus = async (versionId: string) =>
    (await api.db.query<{ status: string }>('SELECT status FROM catalog.model_version WHERE id = $1', [versionId]))[0]!
      .status;

  it('publishes only with an explicit offer: there is no default licence', async () => {
    const draft = await readyDraft(api, creator);
    expect(errorCode(await as(creator, PUBLISH, { v: draft.versionId }))).toBe('PUBLISH_NEEDS_LICENSE_OFFER');
    expect(await versionStatus(draft.versionId)).toBe('DRAFT');
  });

  it('runs the whole journey: grant, offline and online verification, download, revocation', async () => {
    const look = await publishedVersion(api, creator);
    const offers = await as<{ modelVersion: { licenseOffers: { id: string; tier: string }[]; access: string } }>(
      undefined,
      `query($v: UUID!) { modelVersion(id: $v) { access licenseOffers { id tier } } }`,
      { v: look.versionId },
    );
    expect(offers.data!.modelVersion).toEqual({
      access: 'LICENSED',
      licenseOffers: [
        { id: look.offers['PERSONAL']!.id, tier: 'PERSONAL' },
        { id: look.offers['COMMERCIAL']!.id, tier: 'COMMERCIAL' },
      ],
    });
    expect((await download(look.fileId, buyer)).body.error.code).toBe('LICENSE_REQUIRED');

    // The buyer is granted the commercial tier (a creator's gift stands in for checkout until commerce lands).
    const granted = await as<{ giftLicense: { id: string; certificate: string; tier: string; source: string } }>(
      creator,
      GIFT,
      { o: look.offers['COMMERCIAL']!.id, h: buyer.handle.toUpperCase() },
    );
    expect(granted.errors).toBeUndefined();
    const license = granted.data!.giftLicense;
    expect(license).toMatchObject({ tier: 'COMMERCIAL', source: 'GIFT', certificate: null }); // the creator never sees it

    // The buyer's copy of the certificate, from their licences.
    const mine = await as<{
      myLicenses: { nodes: { id: string; certificate: string; termsSha256: string; fileSha256s: string[] }[] };
    }>(buyer, `{ myLicenses(first: 10) { nodes { id certificate termsSha256 fileSha256s } } }`);
    const held = mine.data!.myLicenses.nodes[0]!;
    expect(held).toMatchObject({
      id: license.id,
      termsSha256: look.offers['COMMERCIAL']!.termsSha256,
      fileSha256s: [look.sha256],
    });

    // Offline: nothing but the public JWKS and a standard JOSE library.
    const jwks = (await request(api.server).get('/.well-known/jwks.json').expect(200)).body;
    expect(JSON.stringify(jwks)).not.toContain('"d"'); // public keys only
    const { payload, protectedHeader } = await jwtVerify(held.certificate, createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
      issuer: 'lookbook',
    });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'lookbook-license+jwt' });
    expect(payload).toMatchObject({
      jti: license.id,
      sub: buyer.id,
      tier: 'COMMERCIAL',
      resource: `urn:lookbook:model:${look.modelId}:version:${look.versionId}`,
      terms_sha256: look.offers['COMMERCIAL']!.termsSha256,
      files_sha256: [look.sha256],
    });

    // Online: GraphQL and REST, anonymous; verifiers see the licence, never the price or the certificate.
    const online = await as<{ verifyLicense: Record<string, unknown> }>(undefined, VERIFY, { c: held.certificate });
    expect(online.data!.verifyLicense).toEqual({
      valid: true,
      problem: null,
      status: 'ACTIVE',
      license: {
        id: license.id,
        tier: 'COMMERCIAL',
        resource: `urn:lookbook:model:${look.modelId}:version:${look.versionId}`,
        termsSha256: look.offers['COMMERCIAL']!.termsSha256,
        fileSha256s: [look.sha256],
        licensee: { handle: buyer.handle },
        priceAmount: null,
        certificate: null,
      },
    });
    const rest = await request(api.server).get(`/api/v1/licenses/${license.id}/verify`).expect(200);
    expect(rest.body).toMatchObject({
      valid: true,
      status: 'ACTIVE',
      license: { tier: 'COMMERCIAL', fileSha256s: [look.sha256], licensee: { handle: buyer.handle } },
    });
    expect(JSON.stringify(rest.body)).not.toContain(buyer.email);
    const posted = await request(api.server)
      .post('/api/v1/licenses/verify')
      .send({ certificate: held.certificate })
      .expect(200);
    expect(posted.body).toMatchObject({ valid: true, status: 'ACTIVE' });

    // The licence opens the download of exactly the licensed bytes; strangers stay out.
    const redirect = await download(look.fileId, buyer);
    expect(redirect.status).toBe(302);
    expect((await download(look.fileId, stranger)).body.error.code).toBe('LICENSE_REQUIRED');

    // "Owned by me" on the version, per viewer.
    const OWNED = `query($v: UUID!) { modelVersion(id: $v) { ownedByMe myLicenses { id status } } }`;
    expect((await as<{ modelVersion: object }>(buyer, OWNED, { v: look.versionId })).data!.modelVersion).toEqual({
      ownedByMe: true,
      myLicenses: [{ id: license.id, status: 'ACTIVE' }],
    });
    expect((await as<{ modelVersion: object }>(stranger, OWNED, { v: look.versionId })).data!.modelVersion).toEqual({
      ownedByMe: false,
      myLicenses: [],
    });
    expect((await as<{ modelVersion: object }>(undefined, OWNED, { v: look.versionId })).data!.modelVersion).toEqual({
      ownedByMe: false,
      myLicenses: [],
    });
    expect(
      (await as<{ modelVersion: { ownedByMe: boolean } }>(creator, OWNED, { v: look.versionId })).data!.modelVersion
        .ownedByMe,
    ).toBe(true);

    // Tools looking the file up by hash get the offers and the caller's licences too.
    const byHash = await request(api.server)
      .get(`/api/v1/model-versions/by-hash/${look.sha256}`)
      .set('authorization', `Bearer ${buyer.accessToken}`)
      .expect(200);
    expect(byHash.body.matches[0].licensing).toEqual({
      offers: [
        expect.objectContaining({ tier: 'PERSONAL', priceAmount: 500, priceCurrency: 'EUR' }),
        expect.objectContaining({
          tier: 'COMMERCIAL',
          permissions: expect.objectContaining({ commercialUse: 'SELL_GENERATED_IMAGES' }),
        }),
      ],
      myActiveLicenses: [{ id: license.id, tier: 'COMMERCIAL', permissions: expect.any(Object) }],
    });
    const anonymous = await request(api.server).get(`/api/v1/model-versions/by-hash/${look.sha256}`).expect(200);
    expect(anonymous.body.matches[0].licensing.myActiveLicenses).toEqual([]);

    // The creator sees who licensed it by public profile, never an email or the certificate.
    const SOLD = `query($v: UUID!) { soldLicenses(versionId: $v) { nodes { id tier source certificate licensee { handle displayName } } } }`;
    const sold = await as<{ soldLicenses: { nodes: unknown[] } }>(creator, SOLD, { v: look.versionId });
    expect(sold.data!.soldLicenses.nodes).toEqual([
      {
        id: license.id,
        tier: 'COMMERCIAL',
        source: 'GIFT',
        certificate: null,
        licensee: { handle: buyer.handle, displayName: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(sold.data)).not.toContain(buyer.email);
    expect(errorCode(await as(stranger, SOLD, { v: look.versionId }))).toBe('VERSION_NOT_FOUND');
    expect(errorCode(await as(stranger, `query($id: UUID!) { license(id: $id) { id } }`, { id: license.id }))).toBe(
      'LICENSE_NOT_FOUND',
    );

    // Revocation: staff only, with a reason; then the online check says so and downloads stop.
    expect(errorCode(await as(creator, REVOKE, { id: license.id, r: 'FRAUD' }))).toBe('FORBIDDEN');
    expect(errorCode(await as(moderator, REVOKE, { id: license.id, r: 'FRAUD', n: 'x'.repeat(501) }))).toBe(
      'INVALID_REVOCATION_NOTE',
    );
    expect(errorCode(await as(moderator, REVOKE, { id: 'not-a-licence', r: 'FRAUD' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await as(moderator, REVOKE, { id: '0190a5b0-0000-7000-8000-0000000000bb', r: 'FRAUD' }))).toBe(
      'LICENSE_NOT_FOUND',
    );
    expect((await request(api.server).get(`/api/v1/licenses/${license.id}/verify`)).body.status).toBe('ACTIVE');
    const revoked = await as<{ revokeLicense: { status: string } }>(moderator, REVOKE, {
      id: license.id,
      r: 'FRAUD',
      n: 'chargeback ring',
    });
    expect(revoked.data!.revokeLicense).toEqual({ id: license.id, status: 'REVOKED', revocationReason: 'FRAUD' });
    expect(errorCode(await as(moderator, REVOKE, { id: license.id, r: 'FRAUD' }))).toBe('LICENSE_ALREADY_REVOKED');
    const after = await as<{ verifyLicense: { valid: boolean; status: string } }>(undefined, VERIFY, {
      c: held.certificate,
    });
    expect(after.data!.verifyLicense).toMatchObject({ valid: true, status: 'REVOKED' });
    expect((await request(api.server).get(`/api/v1/licenses/${license.id}/verify`)).body).toMatchObject({
      status: 'REVOKED',
      revocationReason: 'FRAUD',
    });
    const refused = await download(look.fileId, buyer);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'LICENSE_REQUIRED']);
    expect(
      (await as<{ modelVersion: { ownedByMe: boolean } }>(buyer, OWNED, { v: look.versionId })).data!.modelVersion
        .ownedByMe,
    ).toBe(false);
  });

  it('keeps licensed downloads working when the creator unpublishes, but not after a takedown', async () => {
    const STATUS = `mutation($m: UUID!, $s: ModelStatus!) { changeStyleModelStatus(id: $m, status: $s) { status } }`;
    const look = await publishedVersion(api, creator);
    const holder = await signUpUser(api.server);
    await as(creator, GIFT, { o: look.offers['PERSONAL']!.id, h: holder.handle });
    expect((await as(creator, STATUS, { m: look.modelId, s: 'UNPUBLISHED' })).errors).toBeUndefined();
    expect((await download(look.fileId, holder)).status).toBe(302);
    expect((await download(look.fileId, stranger)).body.error.code).toBe('FILE_NOT_FOUND');
    expect((await download(look.fileId)).body.error.code).toBe('FILE_NOT_FOUND');
    expect((await as(moderator, STATUS, { m: look.modelId, s: 'TAKEN_DOWN' })).errors).toBeUndefined();
    expect((await download(look.fileId, holder)).body.error.code).toBe('FILE_NOT_FOUND');
  });

  it('refuses a derivative of a no-derivatives model, and checks every other compatibility rule at publish', async () => {
    const deriver = await signUpUser(api.server);
    const noDerivatives = {
      ...OFFERS.personal,
      permissions: { ...OFFERS.personal.permissions, derivativesAllowed: false },
    };
    const closed = await publishedVersion(api, creator, { offers: [noDerivatives] });
    const parents = [{ versionId: closed.versionId, relation: 'FINETUNE' }];

    // Without any licence to the parent…
    const child = await readyDraft(api, deriver, { parents, offers: [OFFERS.personal] });
    expect(errorCode(await as(deriver, PUBLISH, { v: child.versionId }))).toBe('PARENT_LICENSE_REQUIRED');
    // …and with one that forbids derivatives.
    await as(creator, GIFT, { o: closed.offers['PERSONAL']!.id, h: deriver.handle });
    const refused = await as(deriver, PUBLISH, { v: child.versionId });
    expect(errorCode(refused)).toBe('PARENT_FORBIDS_DERIVATIVES');
    expect(refused.errors![0]!.extensions!['parentVersionId']).toBe(closed.versionId);
    expect(await versionStatus(child.versionId)).toBe('DRAFT');

    // A parent licensed for derivatives, personal use only, no licence change.
    const open = await publishedVersion(api, creator, { offers: [OFFERS.free, OFFERS.commercial] });
    const derivative = await readyDraft(api, deriver, {
      parents: [{ versionId: open.versionId, relation: 'MERGE' }],
      offers: [OFFERS.commercial],
    });
    expect(errorCode(await as(deriver, PUBLISH, { v: derivative.versionId }))).toBe('PARENT_FORBIDS_COMMERCIAL');
    await setOffers(api.server, deriver.accessToken, derivative.versionId, [
      { ...OFFERS.personal, permissions: { ...OFFERS.personal.permissions, derivativeMayChangeLicense: true } },
    ]);
    const looser = await as(deriver, PUBLISH, { v: derivative.versionId });
    expect(errorCode(looser)).toBe('LOOSER_THAN_PARENT');
    expect(looser.errors![0]!.extensions).toMatchObject({ tier: 'PERSONAL', field: 'derivativeMayChangeLicense' });

    // Terms no looser than the parent's free licence: publishes. Then they cannot be loosened afterwards.
    await setOffers(api.server, deriver.accessToken, derivative.versionId, [OFFERS.personal]);
    expect((await as(deriver, PUBLISH, { v: derivative.versionId })).errors).toBeUndefined();
    const SET = `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setLicenseOffers(versionId: $v, offers: $o) { id } }`;
    expect(errorCode(await as(deriver, SET, { v: derivative.versionId, o: [OFFERS.commercial] }))).toBe(
      'PARENT_FORBIDS_COMMERCIAL',
    );
    expect(errorCode(await as(deriver, SET, { v: derivative.versionId, o: [] }))).toBe('PUBLISHED_VERSION_NEEDS_OFFER');

    // The creator's own parents impose nothing.
    const own = await readyDraft(api, creator, { parents, offers: [OFFERS.commercial] });
    expect((await as(creator, PUBLISH, { v: own.versionId })).errors).toBeUndefined();
  });

  it('re-checks the base model at publish time', async () => {
    const draft = await readyDraft(api, creator, { baseModelId: 'sd-3.5', offers: [OFFERS.commercial] });
    // An admin learns the base model's licence is non-commercial after the offers were set.
    await api.db.query(`UPDATE catalog.base_model SET non_commercial = true WHERE id = 'sd-3.5'`);
    try {
      const refused = await as(creator, PUBLISH, { v: draft.versionId });
      expect(errorCode(refused)).toBe('NON_COMMERCIAL_BASE_MODEL');
      expect(refused.errors![0]!.extensions!['tier']).toBe('COMMERCIAL');
    } finally {
      await api.db.query(`UPDATE catalog.base_model SET non_commercial = false WHERE id = 'sd-3.5'`);
    }
  });

  it('lets anyone claim a free licence once, and refuses claims and gifts that make no sense', async () => {
    const free = await publishedVersion(api, creator, { offers: [OFFERS.free, OFFERS.commercial] });
    const access = await as<{ modelVersion: { access: string } }>(
      undefined,
      `query($v: UUID!) { modelVersion(id: $v) { access } }`,
      { v: free.versionId },
    );
    expect(access.data!.modelVersion.access).toBe('FREE');
    const first = await as<{ claimFreeLicense: { id: string } }>(buyer, CLAIM, { v: free.versionId });
    expect(first.data!.claimFreeLicense).toMatchObject({ tier: 'FREE', source: 'FREE_CLAIM', status: 'ACTIVE' });
    const again = await as<{ claimFreeLicense: { id: string } }>(buyer, CLAIM, { v: free.versionId });
    expect(again.data!.claimFreeLicense.id).toBe(first.data!.claimFreeLicense.id);
    expect(errorCode(await as(creator, CLAIM, { v: free.versionId }))).toBe('CANNOT_LICENSE_OWN_WORK');
    expect(errorCode(await as(undefined, CLAIM, { v: free.versionId }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await as(buyer, CLAIM, { v: 'not-an-id' }))).toBe('BAD_USER_INPUT');

    const paid = await publishedVersion(api, creator);
    expect(errorCode(await as(buyer, CLAIM, { v: paid.versionId }))).toBe('OFFER_NOT_AVAILABLE');
    const draft = await readyDraft(api, creator, { offers: [OFFERS.free] });
    expect(errorCode(await as(buyer, CLAIM, { v: draft.versionId }))).toBe('VERSION_NOT_FOUND');

    const offerId = paid.offers['PERSONAL']!.id;
    expect(errorCode(await as(creator, GIFT, { o: offerId, h: 'nobody_here_at_all' }))).toBe('USER_NOT_FOUND');
    expect(errorCode(await as(stranger, GIFT, { o: offerId, h: buyer.handle }))).toBe('OFFER_NOT_FOUND');
    expect(errorCode(await as(creator, GIFT, { o: offerId, h: creator.handle }))).toBe('CANNOT_LICENSE_OWN_WORK');
    expect(errorCode(await as(creator, GIFT, { o: free.offers['FREE']!.id, h: buyer.handle }))).toBe(
      'WRONG_LICENSE_SOURCE',
    );
    expect((await as(creator, GIFT, { o: offerId, h: buyer.handle })).errors).toBeUndefined();
    expect(errorCode(await as(creator, GIFT, { o: offerId, h: buyer.handle }))).toBe('ALREADY_LICENSED');
    const count = await api.db.query<{ n: string }>(`SELECT count(*) AS n FROM licensing.grant WHERE version_id = $1`, [
      paid.versionId,
    ]);
    expect(Number(count[0]!.n)).toBe(1); // the refused attempts left nothing behind
  });
});
