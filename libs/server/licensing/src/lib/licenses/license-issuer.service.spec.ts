import { Clock, Notifier, Transactions } from '@lookbook/core';
import { DomainError, money } from '@lookbook/kernel';
import { FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { LicenseKeyRing, newKey } from '../certificates/key-ring';
import type { OfferEntity } from '../offers/offer.entity';
import { OfferRepository } from '../offers/offer.repository';
import { LicensableSubjects } from '../subjects/licensable-subjects';
import type { SubjectSource } from '../subjects/licensable-subjects';
import type { Subject, SubjectKind } from '../subjects/subject';
import { LicenseIssuer } from './license-issuer.service';
import { LicenseRepository } from './license.repository';

const now = new Date('2026-03-01T12:00:00.000Z');
const offer = (kind: SubjectKind, change: Partial<OfferEntity> = {}): OfferEntity => ({
  id: `offer-${kind}`,
  subjectKind: kind,
  versionId: `version-${kind}`,
  tier: 'COMMERCIAL',
  revision: 3,
  priceAmount: 2500,
  priceCurrency: 'USD',
  permissions: {} as OfferEntity['permissions'],
  termsText: 'terms',
  termsSha256: 'c'.repeat(64),
  createdAt: now,
  retiredAt: null,
  ...change,
});
/** A model version and a template version, as their sources adapt them to the contract. */
const SUBJECTS: Record<SubjectKind, Subject> = {
  MODEL: {
    kind: 'MODEL',
    subjectId: 'ink',
    versionId: 'version-MODEL',
    name: 'Ink Wash',
    versionLabel: 'v1',
    status: 'PUBLISHED',
    versionStatus: 'PUBLISHED',
    ownerId: 'ada',
    contentSha256s: ['a'.repeat(64), 'b'.repeat(64)],
    parents: [],
    baseModel: { id: 'sdxl-1.0', nonCommercial: false },
  },
  TEMPLATE: {
    kind: 'TEMPLATE',
    subjectId: 'lighthouse',
    versionId: 'version-TEMPLATE',
    name: 'Lighthouse Flow',
    versionLabel: 'v2',
    status: 'PUBLISHED',
    versionStatus: 'PUBLISHED',
    ownerId: 'tom',
    contentSha256s: ['d'.repeat(64)],
    parents: [],
    baseModel: null,
  },
};

async function setUp(kind: SubjectKind, subject: Partial<Subject> = {}, change: Partial<OfferEntity> = {}) {
  const { sut, mock } = newTestService(LicenseIssuer, [
    [Transactions, new InlineTransactions()],
    [Clock, new FakeClock(now)],
    // The key ring's constructor is private: the class is still the token its parameter is injected by.
    [LicenseKeyRing as never, await LicenseKeyRing.fromStored([await newKey()])],
  ]);
  const source = {
    lock: jest.fn(() => Promise.resolve({ ...SUBJECTS[kind], ...subject })),
    urn: jest.fn((id: string, version: string) => `urn:lookbook:${kind.toLowerCase()}:${id}:version:${version}`),
  } as unknown as SubjectSource;
  mock(LicensableSubjects).of.mockImplementation((asked: SubjectKind) => {
    if (asked !== kind) throw new Error(`asked for ${asked}`);
    return source;
  });
  mock(OfferRepository).byId.mockResolvedValue(offer(kind, change));
  const licenses = mock(LicenseRepository);
  licenses.hasActiveExclusive.mockResolvedValue(false);
  licenses.activeOfTier.mockResolvedValue(null);
  licenses.byOrderRef.mockResolvedValue(null);
  licenses.insert.mockResolvedValue(undefined);
  return { sut, licenses, source };
}
const refusal = (run: Promise<unknown>) =>
  run.then(
    () => 'granted',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('licences name their subject, whatever its kind', () => {
  it.each<[SubjectKind, string, string]>([
    ['MODEL', 'ink', 'Ink Wash — v1 (commercial licence)'],
    ['TEMPLATE', 'lighthouse', 'Lighthouse Flow — v2 (commercial licence)'],
  ])('quotes a %s offer with its subject, seller and name', async (kind, subjectId, itemName) => {
    const { sut } = await setUp(kind);
    await expect(sut.quote(`offer-${kind}`, 'buyer')).resolves.toEqual({
      offerId: `offer-${kind}`,
      offerRevision: 3,
      subjectKind: kind,
      tier: 'COMMERCIAL',
      price: money(2500, 'USD'),
      versionId: `version-${kind}`,
      subjectId,
      sellerId: SUBJECTS[kind].ownerId,
      itemName,
    });
  });

  it.each<[SubjectKind, Partial<Subject>, string, string]>([
    ['MODEL', { status: 'UNPUBLISHED' }, 'buyer', 'OFFER_NOT_FOUND'],
    ['TEMPLATE', { versionStatus: 'DRAFT' }, 'buyer', 'OFFER_NOT_FOUND'],
    ['TEMPLATE', { status: 'TAKEN_DOWN' }, 'buyer', 'OFFER_NOT_FOUND'],
    // Its owner sees their own unlisted subject, and cannot buy it either way.
    ['MODEL', { status: 'DRAFT' }, 'ada', 'CANNOT_LICENSE_OWN_WORK'],
    ['TEMPLATE', {}, 'tom', 'CANNOT_LICENSE_OWN_WORK'],
    ['MODEL', { contentSha256s: [] }, 'buyer', 'OFFER_NOT_AVAILABLE'],
  ])('refuses a %s subject %o to %s: %s', async (kind, subject, buyer, code) => {
    const { sut } = await setUp(kind, subject);
    expect(await refusal(sut.quote(`offer-${kind}`, buyer))).toBe(code);
  });

  it.each<SubjectKind>(['MODEL', 'TEMPLATE'])(
    'issues a %s licence on the subject, its urn, name and covered bytes',
    async (kind) => {
      const { sut, licenses } = await setUp(kind);
      const grant = await sut.issue(TEST_MANAGER, { offerId: `offer-${kind}`, licenseeId: 'buyer', source: 'GIFT' });
      const subject = SUBJECTS[kind];
      expect(grant).toMatchObject({
        subjectKind: kind,
        subjectId: subject.subjectId,
        versionId: subject.versionId,
        resourceUrn: `urn:lookbook:${kind.toLowerCase()}:${subject.subjectId}:version:${subject.versionId}`,
        resourceName: `${subject.name} — ${subject.versionLabel}`,
        fileSha256s: subject.contentSha256s,
        priceAmount: 0,
        issuedAt: now,
      });
      expect(licenses.insert).toHaveBeenCalledWith(TEST_MANAGER, grant);
    },
  );
});

describe('revoking a licence', () => {
  const grant = { id: 'grant-1', licenseeId: 'buyer', resourceName: 'Ink Wash', status: 'ACTIVE' } as never;

  function revokeSetUp(current: unknown) {
    const { sut, mock } = newTestService(LicenseIssuer, [
      [Transactions, new InlineTransactions()],
      [Clock, new FakeClock(now)],
    ]);
    mock(LicenseRepository).lockById.mockResolvedValue(current as never);
    mock(LicenseRepository).update.mockResolvedValue(undefined);
    const notify = mock(Notifier).notify.mockResolvedValue(undefined);
    return { sut, notify };
  }

  it.each([
    ['REFUNDED', 'refunded'],
    ['TAKEDOWN', 'the work was taken down'],
  ] as const)('tells the licensee (%s) in the revoking transaction, once', async (reason, why) => {
    const { sut, notify } = revokeSetUp(grant);
    await expect(sut.revoke(TEST_MANAGER, 'grant-1', reason)).resolves.toMatchObject({ changed: true });
    expect(notify).toHaveBeenCalledWith(TEST_MANAGER, {
      recipientId: 'buyer',
      kind: 'LICENSE_REVOKED',
      subjectKind: 'LICENSE',
      subjectId: 'grant-1',
      text: `Your licence for Ink Wash was revoked (${why})`,
      url: '/library',
      dedupeKey: 'licensing.revoked:grant-1',
    });
  });

  it('says nothing for a licence already revoked', async () => {
    const { sut, notify } = revokeSetUp({ ...(grant as object), status: 'REVOKED' });
    await expect(sut.revoke(TEST_MANAGER, 'grant-1', 'REFUNDED')).resolves.toMatchObject({ changed: false });
    expect(notify).not.toHaveBeenCalled();
  });
});
