import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { OfferEntity } from './offer.entity';
import { OfferRepository } from './offer.repository';
import type { Tier } from './permissions';

describe('OfferRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let offers: OfferRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([OfferEntity]);
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

  it('refuses a FREE offer with a price (the database holds the rule too)', async () => {
    const { versionId } = await bed.seed.publishedVersion();
    await expect(
      bed.dataSource.transaction((m) => offers.insert(m, { ...offer(versionId, 'FREE'), priceAmount: 100 })),
    ).rejects.toThrow(/check constraint/);
  });
});
