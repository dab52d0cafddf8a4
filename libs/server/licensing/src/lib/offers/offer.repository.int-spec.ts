import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { LicenseEntity } from '../licenses/license.entity';
import { OfferEntity } from './offer.entity';
import { OfferRepository } from './offer.repository';
import type { Tier } from './permissions';

describe('OfferRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let offers: OfferRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([OfferEntity, LicenseEntity]);
    offers = new OfferRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const offer = (versionId: string, tier: Tier, revision = 1): OfferEntity => ({
    id: randomUUID(),
    subjectKind: 'MODEL',
    versionId,
    tier,
    revision,
    priceAmount: tier === 'FREE' ? 0 : 1500,
    priceCurrency: 'EUR',
    permissions: {} as OfferEntity['permissions'],
    termsText: 'terms',
    termsSha256: 'a'.repeat(64),
    createdAt: new Date(),
    retiredAt: null,
  });

  it('keeps one live offer per tier; a new revision replaces the retired one', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    const first = offer(versionId, 'PERSONAL');
    await bed.dataSource.transaction((m) => offers.insert(m, first));
    await expect(bed.dataSource.transaction((m) => offers.insert(m, offer(versionId, 'PERSONAL', 2)))).rejects.toThrow(
      /offer_live_tier_key/,
    );
    await bed.dataSource.transaction(async (m) => {
      await offers.retire(m, first.id, new Date());
      expect(await offers.latestRevision(m, versionId, 'PERSONAL')).toBe(1);
      await offers.insert(m, offer(versionId, 'PERSONAL', 2));
    });
    expect((await offers.liveOf(versionId)).map((o) => o.revision)).toEqual([2]);
    expect(await bed.dataSource.transaction((m) => offers.latestRevision(m, versionId, 'COMMERCIAL'))).toBe(0);
  });

  it('reads live offers batched, free ones in a transaction, and retires all of a version', async () => {
    const a = (await bed.seed.publishedVersion()).versionId;
    const b = (await bed.seed.publishedVersion()).versionId;
    await bed.dataSource.transaction(async (m) => {
      await offers.insert(m, offer(a, 'FREE'));
      await offers.insert(m, offer(a, 'COMMERCIAL'));
      await offers.insert(m, offer(b, 'PERSONAL'));
    });
    expect((await offers.liveOfVersions([a, b])).length).toBe(3);
    expect((await bed.dataSource.transaction((m) => offers.liveFreeOf(m, [a, b]))).map((o) => o.versionId)).toEqual([
      a,
    ]);
    await bed.dataSource.transaction((m) => offers.retireAllOf(m, a, new Date()));
    expect(await offers.liveOf(a)).toEqual([]);
    expect(await offers.liveOf(b)).toHaveLength(1);
  });

  /** A licence as licensing writes it (the columns a read maps), issued `minutesAgo` ago. */
  async function aGrant(licenseeId: string, versionId: string, offerId: string, status: string, minutesAgo: number) {
    const id = randomUUID();
    await bed.db.query(
      `INSERT INTO licensing.grant (id, licensee_id, subject_kind, subject_id, version_id, resource_urn, resource_name,
         offer_id, offer_revision, tier, permissions, terms_text, terms_sha256, file_sha256s, price_amount,
         price_currency, source, order_ref, issued_at, key_id, certificate, status, revoked_at, revocation_reason)
       SELECT $1, $2, 'MODEL', v.model_id, v.id, 'urn:x', 'Ink', $4, 1, 'PERSONAL', '{"seats": 1}', 'terms', $5,
              ARRAY[$5], 1500, 'EUR', 'PURCHASE', $8, now() - $6 * interval '1 minute', 'k1', 'cert', $7,
              CASE WHEN $7 = 'REVOKED' THEN now() END, CASE WHEN $7 = 'REVOKED' THEN 'REFUNDED' END
         FROM catalog.model_version v WHERE v.id = $3`,
      [id, licenseeId, versionId, offerId, 'b'.repeat(64), minutesAgo, status, `order:${id}`],
    );
    return id;
  }

  it("reads each version's live offers with one person's licences to it in one statement", async () => {
    const a = (await bed.seed.publishedVersion()).versionId;
    const b = (await bed.seed.publishedVersion()).versionId;
    const bare = (await bed.seed.publishedVersion()).versionId;
    const [holder, other] = [await bed.seed.user(), await bed.seed.user()];
    const [commercial, free, personal] = [offer(a, 'COMMERCIAL'), offer(a, 'FREE'), offer(b, 'PERSONAL')];
    await bed.dataSource.transaction(async (m) => {
      for (const o of [commercial, free, personal]) await offers.insert(m, o);
      await offers.insert(m, { ...offer(a, 'ENTERPRISE'), retiredAt: new Date() });
    });
    const older = await aGrant(holder.id, a, commercial.id, 'REVOKED', 60);
    const newer = await aGrant(holder.id, a, commercial.id, 'ACTIVE', 5);
    await aGrant(other.id, b, personal.id, 'ACTIVE', 5);
    const read = await offers.liveWithHeld([a, b, bare], holder.id);
    expect(read.map((r) => r.versionId)).toEqual([a, b, bare]);
    // Offers exactly as the offers-only read gives them (cheapest tier first, retired ones left out).
    expect(read[0]!.offers).toEqual(await offers.liveOfVersions([a]));
    expect(read[0]!.offers.map((o) => o.tier)).toEqual(['FREE', 'COMMERCIAL']);
    expect(read[1]!.offers.map((o) => o.id)).toEqual([personal.id]);
    expect(read[2]).toEqual({ versionId: bare, offers: [], held: [] });
    // Only the holder's licences (any status, newest first), hydrated like the entity reads them.
    expect(read[0]!.held.map((g) => [g.id, g.status])).toEqual([
      [newer, 'ACTIVE'],
      [older, 'REVOKED'],
    ]);
    expect(read[0]!.held[0]).toMatchObject({
      priceAmount: 1500,
      permissions: { seats: 1 },
      fileSha256s: ['b'.repeat(64)],
    });
    expect(read[0]!.held[0]!.issuedAt).toBeInstanceOf(Date);
    expect(read[1]!.held).toEqual([]);
    // Signed out: offers, no licences.
    const anonymous = await offers.liveWithHeld([a, b], null);
    expect(anonymous.map((r) => [r.offers.length, r.held.length])).toEqual([
      [2, 0],
      [1, 0],
    ]);
    expect(await offers.liveWithHeld([], holder.id)).toEqual([]);
  });

  it('refuses a FREE offer with a price (the database holds the rule too)', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    await expect(
      bed.dataSource.transaction((m) => offers.insert(m, { ...offer(versionId, 'FREE'), priceAmount: 100 })),
    ).rejects.toThrow(/check constraint/);
  });
});
