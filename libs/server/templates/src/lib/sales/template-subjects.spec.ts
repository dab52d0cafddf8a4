import type { OfferShape, Subject } from '@lookbook/licensing';
import { DomainError } from '@lookbook/kernel';
import { newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { RemixTerms } from '../lineage/remix-terms';
import { LineageRepository } from '../lineage/lineage.repository';
import type { TemplateEntity } from '../templates/template.entity';
import { TemplateRepository } from '../templates/template.repository';
import { TemplateSubjects } from './template-subjects';

const terms: RemixTerms = {
  remixAllowed: true,
  changeableSlots: null,
  allowedUses: ['COMMERCIAL', 'PERSONAL'],
  attribution: ['Harbour Cats © its owner'],
  ipShareBps: 1500,
  maxMaturity: 'SFW',
  requiredTags: [],
  approval: 'MANUAL',
};
const facts = { kind: 'TEMPLATE', subjectId: 'remix', versionId: 'v1' } as Subject;
const offer = (tier: OfferShape['tier'], change: Partial<OfferShape['permissions']> = {}): OfferShape => ({
  tier,
  permissions: {
    commercialUse: tier === 'PERSONAL' ? 'NONE' : 'SELL_GENERATED_IMAGES',
    derivativesAllowed: false,
    derivativeMayChangeLicense: false,
    creditRequired: true,
    creditLine: 'Harbour Cats © its owner',
    seats: null,
    revenueCap: null,
    printRunCap: null,
    ...change,
  },
});

function setUp(bound: RemixTerms | null) {
  const { sut, mock } = newTestService(TemplateSubjects);
  mock(TemplateRepository).byId.mockResolvedValue({ id: 'remix', terms: bound } as TemplateEntity);
  return { sut, mock };
}
const codeOf = async (run: Promise<unknown>) =>
  run.then(
    () => undefined,
    (error: unknown) => (error instanceof DomainError ? error : undefined),
  );

describe('template licences follow the remix terms', () => {
  it('lets a template outside any IP offer anything', async () => {
    const { sut } = setUp(null);
    await expect(
      sut.checkOffers(TEST_MANAGER, facts, [offer('COMMERCIAL', { creditRequired: false })]),
    ).resolves.toBeUndefined();
  });

  it('allows offers within the terms', async () => {
    const { sut } = setUp(terms);
    await expect(
      sut.checkOffers(TEST_MANAGER, facts, [offer('PERSONAL'), offer('COMMERCIAL')]),
    ).resolves.toBeUndefined();
  });

  it.each<[string, RemixTerms, OfferShape, string]>([
    [
      'commercial use under personal-only terms',
      { ...terms, allowedUses: ['PERSONAL'] },
      offer('COMMERCIAL'),
      'TERMS_FORBID_COMMERCIAL',
    ],
    [
      'derivatives when remixing is not allowed',
      { ...terms, remixAllowed: false },
      offer('PERSONAL', { derivativesAllowed: true }),
      'TERMS_FORBID_DERIVATIVES',
    ],
    [
      'no credit when the terms require it',
      terms,
      offer('PERSONAL', { creditRequired: false, creditLine: null }),
      'TERMS_REQUIRE_CREDIT',
    ],
  ])('refuses %s', async (_, bound, bad, code) => {
    const { sut } = setUp(bound);
    expect((await codeOf(sut.checkOffers(TEST_MANAGER, facts, [offer('PERSONAL'), bad])))?.code).toBe(code);
  });

  it('takes a remix off sale while an ancestor is taken down', async () => {
    const { sut, mock } = setUp(terms);
    mock(TemplateRepository).versionById.mockResolvedValue({
      id: 'v1',
      templateId: 'remix',
      sourceSha256: 'a'.repeat(64),
    } as never);
    mock(TemplateRepository).lock.mockResolvedValue({
      id: 'remix',
      ownerId: 'fan',
      status: 'PUBLISHED',
      terms,
    } as TemplateEntity);
    mock(LineageRepository).takenDownAncestor.mockResolvedValue('original');
    expect((await codeOf(sut.lock(TEST_MANAGER, 'v1')))?.code).toBe('REMIX_PARENT_TAKEN_DOWN');
    mock(LineageRepository).takenDownAncestor.mockResolvedValue(null);
    await expect(sut.lock(TEST_MANAGER, 'v1')).resolves.toMatchObject({
      kind: 'TEMPLATE',
      subjectId: 'remix',
      ownerId: 'fan',
      contentSha256s: ['a'.repeat(64)],
      parents: [],
      baseModel: null,
    });
  });
});
