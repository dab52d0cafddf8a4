import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import type { Tier } from '../offers/permissions';
import { LicenseEntity } from './license.entity';
import { LicenseRepository } from './license.repository';

describe('LicenseRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let licenses: LicenseRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([LicenseEntity]);
    licenses = new LicenseRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  async function aLicense(change: { licenseeId?: string; tier?: Tier; versionId?: string; issuedAt?: Date } = {}) {
    const version = change.versionId
      ? {
          versionId: change.versionId,
          modelId: (
            await bed.db.query<{ model_id: string }>(`SELECT model_id FROM catalog.model_version WHERE id = $1`, [
              change.versionId,
            ])
          )[0]!.model_id,
        }
      : await bed.seed.publishedVersion();
    const tier = change.tier ?? 'PERSONAL';
    const offerId = await bed.seed.offer(version.versionId, { tier, retired: true });
    const license: LicenseEntity = {
      id: randomUUID(),
      licenseeId: change.licenseeId ?? (await bed.seed.user()).id,
      subjectKind: 'MODEL',
      subjectId: version.modelId,
      versionId: version.versionId,
      resourceUrn: `urn:lookbook:model:${version.modelId}:version:${version.versionId}`,
      resourceName: 'Ink Wash v1',
      offerId,
      offerRevision: 1,
      tier,
      permissions: {} as LicenseEntity['permissions'],
      termsText: 'terms',
      termsSha256: 'a'.repeat(64),
      fileSha256s: ['b'.repeat(64)],
      priceAmount: 1000,
      priceCurrency: 'EUR',
      source: 'PURCHASE',
      orderRef: `order:${randomUUID()}`,
      issuedAt: change.issuedAt ?? new Date(),
      keyId: 'k1',
      certificate: 'eyJ…',
      status: 'ACTIVE',
      revokedAt: null,
      revocationReason: null,
      revocationNote: null,
    };
    return license;
  }

  it('refuses a second active licence of the same tier as ALREADY_LICENSED, writing nothing', async () => {
    const first = await aLicense();
    await bed.dataSource.transaction((m) => licenses.insert(m, first));
    const second = { ...(await aLicense({ versionId: first.versionId, licenseeId: first.licenseeId })) };
    await expect(bed.dataSource.transaction((m) => licenses.insert(m, second))).rejects.toMatchObject({
      code: 'ALREADY_LICENSED',
    });
    expect(await licenses.byId(second.id)).toBeNull();
    expect(await bed.dataSource.transaction((m) => licenses.byOrderRef(m, first.orderRef!))).toMatchObject({
      id: first.id,
    });
  });

  it('lets only one active EXCLUSIVE licence exist per version, even for two buyers at once', async () => {
    const a = await aLicense({ tier: 'EXCLUSIVE' });
    const b = await aLicense({ tier: 'EXCLUSIVE', versionId: a.versionId });
    const results = await Promise.allSettled(
      [a, b].map((l) => bed.dataSource.transaction((m) => licenses.insert(m, l))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'VERSION_EXCLUSIVELY_LICENSED' },
    });
    expect(await bed.dataSource.transaction((m) => licenses.hasActiveExclusive(m, a.versionId))).toBe(true);
  });

  it('covers exactly the bytes licensed, only while active; revoking is the one change allowed', async () => {
    const license = await aLicense();
    await bed.dataSource.transaction((m) => licenses.insert(m, license));
    expect(await licenses.covers(license.licenseeId, license.versionId, 'b'.repeat(64))).toBe(true);
    expect(await licenses.covers(license.licenseeId, license.versionId, 'c'.repeat(64))).toBe(false);
    await expect(bed.dataSource.transaction((m) => licenses.update(m, license.id, { priceAmount: 1 }))).rejects.toThrow(
      /immutable/,
    );
    await bed.dataSource.transaction((m) =>
      licenses.update(m, license.id, { status: 'REVOKED', revokedAt: new Date(), revocationReason: 'REFUNDED' }),
    );
    expect(await licenses.covers(license.licenseeId, license.versionId, 'b'.repeat(64))).toBe(false);
  });

  it('reads one person’s active licences on a subject, any version, oldest first, not revoked or others’', async () => {
    const first = await aLicense();
    const second = await aLicense({ versionId: first.versionId, licenseeId: first.licenseeId, tier: 'COMMERCIAL' });
    const revoked = await aLicense({ versionId: first.versionId, licenseeId: first.licenseeId, tier: 'ENTERPRISE' });
    const someoneElse = await aLicense({ versionId: first.versionId });
    second.issuedAt = new Date(first.issuedAt.getTime() + 1000);
    for (const l of [first, second, revoked, someoneElse])
      await bed.dataSource.transaction((m) => licenses.insert(m, l));
    await bed.dataSource.transaction((m) =>
      licenses.update(m, revoked.id, { status: 'REVOKED', revokedAt: new Date(), revocationReason: 'REFUNDED' }),
    );
    const held = await bed.dataSource.transaction((m) =>
      licenses.activeOnSubject(m, first.licenseeId, 'MODEL', first.subjectId),
    );
    expect(held.map((l) => l.id)).toEqual([first.id, second.id]);
    expect(
      await bed.dataSource.transaction((m) =>
        licenses.activeOnSubject(m, first.licenseeId, 'TEMPLATE', first.subjectId),
      ),
    ).toEqual([]);
  });

  it('pages a licensee’s licences newest first, and reads them batched by version', async () => {
    const licensee = (await bed.seed.user()).id;
    const older = await aLicense({ licenseeId: licensee, issuedAt: new Date(Date.now() - 60_000) });
    const newer = await aLicense({ licenseeId: licensee });
    for (const l of [older, newer]) await bed.dataSource.transaction((m) => licenses.insert(m, l));
    expect((await licenses.pageForLicensee(licensee, {}, (l) => l.id)).nodes).toEqual([newer.id, older.id]);
    expect((await licenses.heldBy(licensee, [older.versionId])).map((l) => l.id)).toEqual([older.id]);
    expect((await licenses.pageForVersion(newer.versionId, {}, (l) => l.id)).nodes).toEqual([newer.id]);
  });
});
