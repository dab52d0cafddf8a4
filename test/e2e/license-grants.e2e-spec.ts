import { createHmac } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { importJWK, SignJWT } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { StoredKey } from '@lookbook/licensing';
import { LicensingFacade, newKey, rotate } from '@lookbook/licensing';
import { errorCode, gql, OFFERS, setOffers, signUpUser } from '@lookbook/testing';
import type { TestUser } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { startTestWorker } from './support/test-worker';
import { publishedVersion } from './support/versions';

const VERIFY = `query($c: String!) { verifyLicense(certificate: $c) { valid problem status license { id } } }`;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Grants as commerce will issue them, exclusivity under races, terms that never change, and forged certificates. */
describe('licence grants and certificates', () => {
  let firstKey: StoredKey;
  let api: TestApi;
  let worker: INestApplicationContext;
  let creator: TestUser;
  let buyers: TestUser[];
  let facade: LicensingFacade;
  let dataSource: DataSource;

  beforeAll(async () => {
    firstKey = await newKey();
    api = await startTestApi({ env: { LICENSE_SIGNING_KEYS: JSON.stringify([firstKey]) } });
    worker = await startTestWorker(api.db.url);
    creator = await signUpUser(api.server);
    buyers = await Promise.all([1, 2, 3, 4, 5].map(() => signUpUser(api.server)));
    facade = api.app.get(LicensingFacade);
    dataSource = api.app.get(DataSource);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const purchase = (offerId: string, buyer: TestUser, orderRef: string) =>
    dataSource.transaction((manager) => facade.issueForOrder(manager, { offerId, licenseeId: buyer.id, orderRef }));
  const certificateOf = async (grantId: string) =>
    (
      await api.db.query<{ certificate: string }>('SELECT certificate FROM licensing.grant WHERE id = $1', [grantId])
    )[0]!.certificate;
  const verify = async (certificate: string, server = api.server) =>
    (
      await gql<{ verifyLicense: { valid: boolean; problem: string | null; status: string | null } }>(server, VERIFY, {
        c: certificate,
      })
    ).data!.verifyLicense;

  it('issues a purchase inside the caller’s transaction: rolled back with it, replayed idempotently', async () => {
    const look = await publishedVersion(api, creator);
    const offerId = look.offers['COMMERCIAL']!.id;
    await expect(
      dataSource.transaction(async (manager) => {
        await facade.issueForOrder(manager, { offerId, licenseeId: buyers[0]!.id, orderRef: 'order:rolled-back' });
        throw new Error('payment capture failed later in the same transaction');
      }),
    ).rejects.toThrow('payment capture failed');
    expect(await api.db.query(`SELECT id FROM licensing.grant WHERE order_ref = 'order:rolled-back'`)).toEqual([]);

    const first = await purchase(offerId, buyers[0]!, 'order:1:line:1');
    const replay = await purchase(offerId, buyers[0]!, 'order:1:line:1');
    expect(replay.id).toBe(first.id);
    expect(first).toMatchObject({ tier: 'COMMERCIAL', priceAmount: 4900, priceCurrency: 'EUR', status: 'ACTIVE' });
    await expect(purchase(offerId, buyers[0]!, 'order:2:line:1')).rejects.toMatchObject({ code: 'ALREADY_LICENSED' });
    await expect(purchase('0190a5b0-0000-7000-8000-0000000000aa', buyers[0]!, 'order:3:line:1')).rejects.toMatchObject({
      code: 'OFFER_NOT_FOUND',
    });
  });

  it('sells an exclusive licence once, even to buyers racing for it, and then sells nothing else', async () => {
    const look = await publishedVersion(api, creator, { offers: [OFFERS.personal, OFFERS.exclusive] });
    const results = await Promise.allSettled(
      buyers.map((buyer, i) => purchase(look.offers['EXCLUSIVE']!.id, buyer, `order:x${i}:line:1`)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual(Array(buyers.length - 1).fill('VERSION_EXCLUSIVELY_LICENSED'));
    expect(
      await api.db.query(`SELECT id FROM licensing.grant WHERE version_id = $1 AND tier = 'EXCLUSIVE'`, [
        look.versionId,
      ]),
    ).toHaveLength(1);

    // Every offer is delisted; other tiers can't be bought or re-listed while the exclusive licence is active.
    const view = await gql<{ modelVersion: { licenseOffers: unknown[] } }>(
      api.server,
      `query($v: UUID!) { modelVersion(id: $v) { licenseOffers { id } } }`,
      { v: look.versionId },
    );
    expect(view.data!.modelVersion.licenseOffers).toEqual([]);
    await expect(purchase(look.offers['PERSONAL']!.id, buyers[0]!, 'order:p:line:1')).rejects.toMatchObject({
      code: 'VERSION_EXCLUSIVELY_LICENSED',
    });
    const relist = await gql(
      api.server,
      `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setLicenseOffers(versionId: $v, offers: $o) { id } }`,
      { v: look.versionId, o: [OFFERS.personal] },
      creator.accessToken,
    );
    expect(errorCode(relist)).toBe('VERSION_EXCLUSIVELY_LICENSED');

    // The database itself refuses a second active exclusive grant, whatever the application does. Given to a buyer
    // who does not hold it (the race's winner is any of them; theirs would hit the per-licensee key first).
    const [holder] = await api.db.query<{ licensee_id: string }>(
      `SELECT licensee_id FROM licensing.grant WHERE version_id = $1 AND tier = 'EXCLUSIVE'`,
      [look.versionId],
    );
    const other = buyers.find((b) => b.id !== holder!.licensee_id)!;
    await expect(
      api.db.query(
        `INSERT INTO licensing.grant (id, licensee_id, subject_id, version_id, resource_urn, resource_name, offer_id,
           offer_revision, tier, permissions, terms_text, terms_sha256, file_sha256s, price_amount, price_currency,
           source, issued_at, key_id, certificate)
         SELECT gen_random_uuid(), $2, subject_id, version_id, resource_urn, resource_name, offer_id, offer_revision,
           tier, permissions, terms_text, terms_sha256, file_sha256s, 0, price_currency, 'GIFT', now(), key_id, 'x'
           FROM licensing.grant WHERE version_id = $1 AND tier = 'EXCLUSIVE'`,
        [look.versionId, other.id],
      ),
    ).rejects.toThrow(/grant_active_exclusive_key/);
  });

  it('keeps sold terms when an offer changes; new buyers get the new revision, stale checkouts are refused', async () => {
    const look = await publishedVersion(api, creator);
    const before = await purchase(look.offers['COMMERCIAL']!.id, buyers[1]!, 'order:t1:line:1');
    const changed = await setOffers(api.server, creator.accessToken, look.versionId, [
      OFFERS.personal,
      {
        ...OFFERS.commercial,
        priceAmount: 9900,
        permissions: { ...OFFERS.commercial.permissions, commercialUse: 'PAID_GENERATION_SERVICE' },
      },
    ]);
    expect(changed['COMMERCIAL']!.termsSha256).not.toBe(look.offers['COMMERCIAL']!.termsSha256);
    await expect(purchase(look.offers['COMMERCIAL']!.id, buyers[2]!, 'order:t2:line:1')).rejects.toMatchObject({
      code: 'OFFER_NOT_AVAILABLE',
    });
    const after = await purchase(changed['COMMERCIAL']!.id, buyers[2]!, 'order:t3:line:1');
    expect(after.priceAmount).toBe(9900);

    const rows = await api.db.query<{ id: string; terms_sha256: string; offer_revision: number; permissions: object }>(
      `SELECT id, terms_sha256, offer_revision, permissions FROM licensing.grant WHERE id = ANY($1) ORDER BY offer_revision`,
      [[before.id, after.id]],
    );
    expect(rows.map((r) => [r.id, r.terms_sha256, r.offer_revision])).toEqual([
      [before.id, look.offers['COMMERCIAL']!.termsSha256, 1],
      [after.id, changed['COMMERCIAL']!.termsSha256, 2],
    ]);
    expect(rows[0]!.permissions).toMatchObject({ commercialUse: 'SELL_GENERATED_IMAGES' });
    expect(await verify(await certificateOf(before.id))).toMatchObject({ valid: true, status: 'ACTIVE' });

    // Grants are immutable in the database too: no edits, no deletes, no un-revoking.
    await expect(
      api.db.query(`UPDATE licensing.grant SET tier = 'EXCLUSIVE' WHERE id = $1`, [before.id]),
    ).rejects.toThrow(/immutable/);
    await expect(api.db.query(`DELETE FROM licensing.grant WHERE id = $1`, [before.id])).rejects.toThrow(
      /never deleted/,
    );
    await dataSource.transaction((manager) => facade.revoke(manager, before.id, 'REFUNDED'));
    const again = await dataSource.transaction((manager) => facade.revoke(manager, before.id, 'REFUNDED'));
    expect(again.status).toBe('REVOKED'); // refunds may replay
    await expect(
      api.db.query(
        `UPDATE licensing.grant SET status = 'ACTIVE', revoked_at = NULL, revocation_reason = NULL WHERE id = $1`,
        [before.id],
      ),
    ).rejects.toThrow(/immutable/);
  });

  describe('forged and broken certificates', () => {
    let genuine: string;
    let grantId: string;
    let look: Awaited<ReturnType<typeof publishedVersion>>;
    beforeAll(async () => {
      look = await publishedVersion(api, creator);
      grantId = (await purchase(look.offers['PERSONAL']!.id, buyers[3]!, 'order:c1:line:1')).id;
      genuine = await certificateOf(grantId);
    });

    it('accepts the genuine certificate', async () => {
      expect(await verify(genuine)).toEqual({ valid: true, problem: null, status: 'ACTIVE', license: { id: grantId } });
    });

    it.each<[string, () => Promise<string> | string, string]>([
      ['empty', () => '', 'MALFORMED'],
      ['garbage', () => 'not a certificate', 'MALFORMED'],
      ['huge', () => `${'a'.repeat(30_000)}.b.c`, 'MALFORMED'],
      ['truncated', () => genuine.slice(0, genuine.length - 20), 'BAD_SIGNATURE'],
      ['missing its signature', () => genuine.split('.').slice(0, 2).join('.') + '.', 'BAD_SIGNATURE'],
      [
        'tampered (tier raised to EXCLUSIVE)',
        () => {
          const [header, payload, signature] = genuine.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
          return `${header}.${b64({ ...claims, tier: 'EXCLUSIVE' })}.${signature}`;
        },
        'BAD_SIGNATURE',
      ],
      [
        'alg: none',
        () => {
          const [header, payload] = genuine.split('.');
          const claims = JSON.parse(Buffer.from(header!, 'base64url').toString()) as Record<string, unknown>;
          return `${b64({ ...claims, alg: 'none' })}.${payload}.`;
        },
        'UNSUPPORTED_ALGORITHM',
      ],
      [
        'HS256 keyed with the public key',
        async () => {
          const jwks = (await request(api.server).get('/.well-known/jwks.json')).body as { keys: { x: string }[] };
          const [header, payload] = genuine.split('.');
          const claims = JSON.parse(Buffer.from(header!, 'base64url').toString()) as Record<string, unknown>;
          const input = `${b64({ ...claims, alg: 'HS256' })}.${payload}`;
          const mac = createHmac('sha256', Buffer.from(jwks.keys[0]!.x, 'base64url')).update(input).digest('base64url');
          return `${input}.${mac}`;
        },
        'UNSUPPORTED_ALGORITHM',
      ],
      [
        'signed by another key claiming our kid',
        async () => {
          const impostor = await newKey();
          const [, payload] = genuine.split('.');
          const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
          return new SignJWT(claims)
            .setProtectedHeader({ alg: 'EdDSA', kid: firstKey.kid, typ: 'lookbook-license+jwt' })
            .sign(await importJWK({ ...impostor, alg: 'EdDSA' }, 'EdDSA'));
        },
        'BAD_SIGNATURE',
      ],
      [
        'signed by a key Lookbook never published',
        async () => {
          const stranger = await newKey();
          return new SignJWT({ tier: 'EXCLUSIVE' })
            .setProtectedHeader({ alg: 'EdDSA', kid: stranger.kid, typ: 'lookbook-license+jwt' })
            .sign(await importJWK({ ...stranger, alg: 'EdDSA' }, 'EdDSA'));
        },
        'UNKNOWN_KEY',
      ],
    ])('rejects a certificate that is %s', async (_name, make, problem) => {
      expect(await verify(await make())).toMatchObject({ valid: false, problem, status: null });
    });

    it('answers the REST check with 404 for unknown licences and 400 for a missing certificate', async () => {
      const unknown = await request(api.server).get(`/api/v1/licenses/0190a5b0-0000-7000-8000-000000000000/verify`);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'LICENSE_NOT_FOUND']);
      const malformed = await request(api.server).get(`/api/v1/licenses/not-a-uuid/verify`);
      expect([malformed.status, malformed.body.error.code]).toEqual([400, 'INVALID_ID']);
      const missing = await request(api.server).post('/api/v1/licenses/verify').send({ token: 'x' });
      expect([missing.status, missing.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
      const forged = await request(api.server).post('/api/v1/licenses/verify').send({ certificate: 'a.b.c' });
      expect(forged.body).toMatchObject({ valid: false, problem: 'MALFORMED', status: null, license: null });
    });

    it('keeps old certificates valid after key rotation, and refuses what a retired key signs later', async () => {
      // Rotate now: a new active key; the first stays published, retired as of this moment.
      const rotated = await rotate([firstKey], new Date());
      const next = await startTestApi({
        database: api.db,
        env: { LICENSE_SIGNING_KEYS: JSON.stringify(rotated) },
      });
      try {
        const jwks = (await request(next.server).get('/.well-known/jwks.json')).body as { keys: { kid: string }[] };
        expect(jwks.keys.map((k) => k.kid)).toEqual([rotated[0]!.kid, firstKey.kid]);
        // Issued before the rotation: still valid.
        expect(await verify(genuine, next.server)).toMatchObject({ valid: true, status: 'ACTIVE' });
        // A certificate the retired key "signs" after its retirement (a leaked key): refused.
        const [, payload] = genuine.split('.');
        const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
        const late = await new SignJWT({ ...claims, iat: Math.floor(Date.now() / 1000) + 120 })
          .setProtectedHeader({ alg: 'EdDSA', kid: firstKey.kid, typ: 'lookbook-license+jwt' })
          .sign(await importJWK({ ...firstKey, alg: 'EdDSA' }, 'EdDSA'));
        expect(await verify(late, next.server)).toMatchObject({ valid: false, problem: 'KEY_EXPIRED' });
        // New licences are signed with the new key.
        const issued = await next.app.get(DataSource).transaction((manager) =>
          next.app.get(LicensingFacade).issueForOrder(manager, {
            offerId: look.offers['COMMERCIAL']!.id,
            licenseeId: buyers[3]!.id,
            orderRef: 'order:c2:line:1',
          }),
        );
        const [row] = await api.db.query<{ key_id: string; certificate: string }>(
          'SELECT key_id, certificate FROM licensing.grant WHERE id = $1',
          [issued.id],
        );
        expect(row!.key_id).toBe(rotated[0]!.kid);
        expect(await verify(row!.certificate, next.server)).toMatchObject({ valid: true, status: 'ACTIVE' });
      } finally {
        await next.app.close(); // the database belongs to the first app
      }
    });
  });
});
