import { newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { LicenseEntity } from '../licenses/license.entity';
import { LicenseRepository } from '../licenses/license.repository';
import type { OfferEntity } from './offer.entity';
import { OfferRepository } from './offer.repository';
import { OfferRules } from './offer-rules.service';
import type { Permissions, Tier } from './permissions';
import type { Subject } from '../subjects/subject';

const CREATOR = 'creator';
const open: Permissions = {
  commercialUse: 'SELL_GENERATED_IMAGES',
  derivativesAllowed: true,
  derivativeMayChangeLicense: true,
  creditRequired: false,
  creditLine: null,
  seats: null,
  revenueCap: null,
  printRunCap: null,
};
const noDerivatives: Permissions = { ...open, derivativesAllowed: false };
const personal: Permissions = { ...open, commercialUse: 'NONE' };
const offer = (tier: Tier, permissions: Permissions) => ({ tier, permissions });

const version = (parents: { versionId: string; ownerId: string }[], baseModelNonCommercial = false) =>
  ({
    versionId: 'v',
    ownerId: CREATOR,
    baseModel: { id: 'sdxl-1.0', nonCommercial: baseModelNonCommercial },
    parents: parents.map((p) => ({ ...p, relation: 'MERGE' })),
  }) as Subject;
const grant = (versionId: string, permissions: Permissions) => ({ versionId, permissions }) as LicenseEntity;
const freeOffer = (versionId: string, permissions: Permissions) => ({ versionId, permissions }) as OfferEntity;

function setUp(grants: LicenseEntity[] = [], freeOffers: OfferEntity[] = []) {
  const { sut, mock } = newTestService(OfferRules);
  mock(LicenseRepository).activeHeldIn.mockResolvedValue(grants);
  mock(OfferRepository).liveFreeOf.mockResolvedValue(freeOffers);
  return { sut, licenses: mock(LicenseRepository), offers: mock(OfferRepository) };
}
const codeOf = (run: Promise<void>) =>
  run.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );

describe('the compatibility rules applied to a version’s offers', () => {
  it('needs no licence to the creator’s own parents, and looks none up', async () => {
    const { sut, licenses, offers } = setUp();
    const facts = version([{ versionId: 'mine', ownerId: CREATOR }]);
    await expect(
      codeOf(sut.assertCompatible(TEST_MANAGER, facts, [offer('COMMERCIAL', open)])),
    ).resolves.toBeUndefined();
    expect(licenses.activeHeldIn).not.toHaveBeenCalled();
    expect(offers.liveFreeOf).not.toHaveBeenCalled();
  });

  it('looks up the creator’s licences and free offers for the foreign parents only', async () => {
    const { sut, licenses, offers } = setUp([grant('p1', open)]);
    const facts = version([
      { versionId: 'mine', ownerId: CREATOR },
      { versionId: 'p1', ownerId: 'someone' },
    ]);
    await sut.assertCompatible(TEST_MANAGER, facts, [offer('PERSONAL', personal)]);
    expect(licenses.activeHeldIn).toHaveBeenCalledWith(TEST_MANAGER, CREATOR, ['p1']);
    expect(offers.liveFreeOf).toHaveBeenCalledWith(TEST_MANAGER, ['p1']);
  });

  it.each([
    ['no licence and no free offer', [], [], 'PARENT_LICENSE_REQUIRED'],
    ['a licence to another parent only', [grant('p2', open)], [], 'PARENT_LICENSE_REQUIRED'],
    ['a licence that forbids derivatives', [grant('p1', noDerivatives)], [], 'PARENT_FORBIDS_DERIVATIVES'],
    ['a personal licence, for a commercial offer', [grant('p1', personal)], [], 'PARENT_FORBIDS_COMMERCIAL'],
    ['a licence that allows it', [grant('p1', open)], [], undefined],
    ['the parent’s free offer', [], [freeOffer('p1', open)], undefined],
    [
      'a closed licence but an open free offer (the best one counts)',
      [grant('p1', noDerivatives)],
      [freeOffer('p1', open)],
      undefined,
    ],
  ])('with %s to a foreign parent: %s', async (_, grants, freeOffers, code) => {
    const { sut } = setUp(grants, freeOffers);
    const facts = version([{ versionId: 'p1', ownerId: 'someone' }]);
    await expect(codeOf(sut.assertCompatible(TEST_MANAGER, facts, [offer('COMMERCIAL', open)]))).resolves.toBe(code);
  });

  it('applies the base model’s own terms', async () => {
    const { sut } = setUp();
    const facts = version([], true);
    await expect(codeOf(sut.assertCompatible(TEST_MANAGER, facts, [offer('COMMERCIAL', open)]))).resolves.toBe(
      'NON_COMMERCIAL_BASE_MODEL',
    );
    await expect(
      codeOf(sut.assertCompatible(TEST_MANAGER, facts, [offer('PERSONAL', personal)])),
    ).resolves.toBeUndefined();
  });
});
