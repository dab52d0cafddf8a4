import { Clock, Transactions } from '@lookbook/core';
import { DomainError, NotFoundError, ValidationError } from '@lookbook/kernel';
import { anActor, FakeClock, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { LicenseRepository } from '../licenses/license.repository';
import { LicensableSubjects } from '../subjects/licensable-subjects';
import type { SubjectSource } from '../subjects/licensable-subjects';
import type { Subject } from '../subjects/subject';
import type { OfferEntity } from './offer.entity';
import { OfferRepository } from './offer.repository';
import { OfferRules } from './offer-rules.service';
import type { OfferInput } from './offer.service';
import { OfferService } from './offer.service';
import type { Permissions, Tier } from './permissions';
import { licenseText, termsHash } from './permissions';

const now = new Date('2026-05-01T09:00:00.000Z');
const earlier = new Date('2026-04-01T09:00:00.000Z');
const VERSION = 'version-1';
const ada = anActor('ada');

const permissions = (change: Partial<Permissions> = {}): Permissions => ({
  commercialUse: 'NONE',
  derivativesAllowed: true,
  derivativeMayChangeLicense: false,
  creditRequired: false,
  creditLine: null,
  seats: null,
  revenueCap: null,
  printRunCap: null,
  ...change,
});
const commercial = permissions({ commercialUse: 'SELL_GENERATED_IMAGES' });
const INPUTS: Record<Tier, OfferInput> = {
  FREE: { tier: 'FREE', priceAmount: 0, priceCurrency: 'EUR', permissions: permissions() },
  PERSONAL: { tier: 'PERSONAL', priceAmount: 500, priceCurrency: 'EUR', permissions: permissions() },
  COMMERCIAL: { tier: 'COMMERCIAL', priceAmount: 4900, priceCurrency: 'EUR', permissions: commercial },
  ENTERPRISE: { tier: 'ENTERPRISE', priceAmount: 99000, priceCurrency: 'EUR', permissions: commercial },
  EXCLUSIVE: { tier: 'EXCLUSIVE', priceAmount: 250000, priceCurrency: 'EUR', permissions: commercial },
};

const subject = (change: Partial<Subject> = {}): Subject => ({
  kind: 'MODEL',
  subjectId: 'ink',
  versionId: VERSION,
  name: 'Ink Wash',
  versionLabel: 'v1',
  status: 'PUBLISHED',
  versionStatus: 'DRAFT',
  ownerId: 'ada',
  contentSha256s: ['a'.repeat(64)],
  parents: [{ versionId: 'parent', relation: 'MERGE', ownerId: 'someone' }],
  baseModel: { id: 'sdxl-1.0', nonCommercial: false },
  ...change,
});

/** A live offer as the repository holds it, with the terms `setOffers` would write for the same input. */
const live = (input: OfferInput, change: Partial<OfferEntity> = {}): OfferEntity => {
  const text = licenseText(input.tier, input.permissions, 'Ink Wash — v1', input.priceCurrency);
  return {
    id: `live-${input.tier}`,
    subjectKind: 'MODEL',
    versionId: VERSION,
    tier: input.tier,
    revision: 2,
    priceAmount: input.priceAmount,
    priceCurrency: input.priceCurrency,
    permissions: input.permissions,
    termsText: text,
    termsSha256: termsHash(text),
    createdAt: earlier,
    retiredAt: null,
    ...change,
  };
};

interface Options {
  locked?: Partial<Subject>;
  liveOffers?: OfferEntity[];
  exclusive?: boolean;
  /** A source without the optional hooks (as templates register it). */
  bare?: boolean;
}

function setUp({ locked = {}, liveOffers = [], exclusive = false, bare = false }: Options = {}) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(OfferService, [
    [Transactions, transactions],
    [Clock, new FakeClock(now)],
  ]);
  const source = {
    owned: jest.fn(() => Promise.resolve(subject())),
    lock: jest.fn(() => Promise.resolve(subject(locked))),
    ...(bare ? {} : { checkOffers: jest.fn(() => Promise.resolve()), setAccess: jest.fn(() => Promise.resolve()) }),
  };
  const subjects = mock(LicensableSubjects);
  subjects.of.mockReturnValue(source as unknown as SubjectSource);
  const licenses = mock(LicenseRepository);
  licenses.hasActiveExclusive.mockResolvedValue(exclusive);
  const rules = mock(OfferRules);
  rules.assertCompatible.mockResolvedValue(undefined);
  const offers = mock(OfferRepository);
  offers.liveOf.mockResolvedValue(liveOffers);
  offers.retire.mockResolvedValue(undefined);
  offers.insert.mockResolvedValue(undefined);
  offers.latestRevision.mockResolvedValue(2);
  return { sut, source, subjects, licenses, rules, offers, transactions };
}

const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

const nothingWritten = (offers: ReturnType<typeof setUp>['offers']) => {
  expect(offers.insert).not.toHaveBeenCalled();
  expect(offers.retire).not.toHaveBeenCalled();
};

describe('setting a version’s offers: inputs refused before anything is read or written', () => {
  it('is the owner’s alone: someone else’s version is not found, and nothing is written', async () => {
    const { sut, source, offers, transactions } = setUp();
    source.owned.mockRejectedValue(new NotFoundError('VERSION_NOT_FOUND', 'Version not found'));
    expect(await codeOf(sut.setOffers(anActor('eve'), VERSION, [INPUTS.PERSONAL]))).toBe('VERSION_NOT_FOUND');
    expect(source.owned).toHaveBeenCalledWith(expect.objectContaining({ userId: 'eve' }), VERSION);
    expect(transactions.count).toBe(0);
    nothingWritten(offers);
  });

  it.each<[string, OfferInput[], string]>([
    ['the same tier twice', [INPUTS.PERSONAL, { ...INPUTS.PERSONAL, priceAmount: 900 }], 'DUPLICATE_TIER'],
    ['a tier three times among others', [INPUTS.FREE, INPUTS.FREE, INPUTS.COMMERCIAL, INPUTS.FREE], 'DUPLICATE_TIER'],
    ['free and exclusive together', [INPUTS.FREE, INPUTS.EXCLUSIVE], 'EXCLUSIVE_WITH_FREE'],
    ['free, personal and exclusive', [INPUTS.PERSONAL, INPUTS.EXCLUSIVE, INPUTS.FREE], 'EXCLUSIVE_WITH_FREE'],
    ['a free tier that costs something', [{ ...INPUTS.FREE, priceAmount: 100 }], 'INVALID_PRICE'],
    ['a paid tier at 0', [{ ...INPUTS.PERSONAL, priceAmount: 0 }], 'INVALID_PRICE'],
    ['a negative price', [{ ...INPUTS.COMMERCIAL, priceAmount: -4900 }], 'INVALID_PRICE'],
    ['a fractional price', [{ ...INPUTS.COMMERCIAL, priceAmount: 49.5 }], 'INVALID_PRICE'],
    ['a currency Lookbook does not sell in', [{ ...INPUTS.PERSONAL, priceCurrency: 'XYZ' }], 'UNSUPPORTED_CURRENCY'],
    [
      'a personal tier allowing commercial use',
      [{ ...INPUTS.PERSONAL, permissions: commercial }],
      'INVALID_PERMISSIONS',
    ],
    ['a commercial tier allowing none', [{ ...INPUTS.COMMERCIAL, permissions: permissions() }], 'INVALID_PERMISSIONS'],
    [
      'credit required without a credit line',
      [{ ...INPUTS.PERSONAL, permissions: permissions({ creditRequired: true }) }],
      'INVALID_PERMISSIONS',
    ],
    [
      'zero seats',
      [INPUTS.PERSONAL, { ...INPUTS.ENTERPRISE, permissions: { ...commercial, seats: 0 } }],
      'INVALID_PERMISSIONS',
    ],
  ])('refuses %s (%s)', async (_name, inputs, code) => {
    const { sut, offers, transactions } = setUp();
    expect(await codeOf(sut.setOffers(ada, VERSION, inputs))).toBe(code);
    expect(transactions.count).toBe(0);
    nothingWritten(offers);
  });
});

describe('setting a version’s offers: the rules under the version lock', () => {
  it('refuses every change while an exclusive licence is active, and writes nothing', async () => {
    const { sut, licenses, offers, rules } = setUp({ exclusive: true, liveOffers: [live(INPUTS.PERSONAL)] });
    expect(await codeOf(sut.setOffers(ada, VERSION, [INPUTS.COMMERCIAL]))).toBe('VERSION_EXCLUSIVELY_LICENSED');
    expect(licenses.hasActiveExclusive).toHaveBeenCalledWith(TEST_MANAGER, VERSION);
    expect(rules.assertCompatible).not.toHaveBeenCalled();
    nothingWritten(offers);
  });

  it('keeps a published version on sale: an empty list is refused', async () => {
    const { sut, offers } = setUp({ locked: { versionStatus: 'PUBLISHED' }, liveOffers: [live(INPUTS.PERSONAL)] });
    expect(await codeOf(sut.setOffers(ada, VERSION, []))).toBe('PUBLISHED_VERSION_NEEDS_OFFER');
    nothingWritten(offers);
  });

  it('lets a draft be emptied: every live offer is retired and the bytes become licensed-only', async () => {
    const liveOffers = [live(INPUTS.FREE), live(INPUTS.COMMERCIAL)];
    const { sut, offers, source } = setUp({ liveOffers });
    await expect(sut.setOffers(ada, VERSION, [])).resolves.toEqual([]);
    expect(offers.retire.mock.calls).toEqual([
      [TEST_MANAGER, 'live-FREE', now],
      [TEST_MANAGER, 'live-COMMERCIAL', now],
    ]);
    expect(offers.insert).not.toHaveBeenCalled();
    expect(source.setAccess).toHaveBeenCalledWith(TEST_MANAGER, VERSION, 'LICENSED');
  });

  it('checks a published version against its declared parents', async () => {
    const { sut, rules } = setUp({ locked: { versionStatus: 'PUBLISHED' } });
    await sut.setOffers(ada, VERSION, [INPUTS.COMMERCIAL]);
    const [manager, checked, wanted] = rules.assertCompatible.mock.calls[0]!;
    expect(manager).toBe(TEST_MANAGER);
    expect(checked.parents).toEqual([{ versionId: 'parent', relation: 'MERGE', ownerId: 'someone' }]);
    expect(wanted.map((w) => w.tier)).toEqual(['COMMERCIAL']);
  });

  it('checks a draft without its parents (they are checked at publish)', async () => {
    const { sut, rules } = setUp();
    await sut.setOffers(ada, VERSION, [INPUTS.COMMERCIAL]);
    const [, checked] = rules.assertCompatible.mock.calls[0]!;
    expect(checked.parents).toEqual([]);
    expect(checked.baseModel).toEqual({ id: 'sdxl-1.0', nonCommercial: false });
  });

  it.each<[string, 'rules' | 'source']>([
    ['the compatibility rules', 'rules'],
    ['the subject’s own offer check', 'source'],
  ])('writes nothing when %s refuse the offers', async (_name, who) => {
    const { sut, rules, source, offers } = setUp({ liveOffers: [live(INPUTS.PERSONAL)] });
    const refusal = new ValidationError('PARENT_FORBIDS_COMMERCIAL', 'no');
    if (who === 'rules') rules.assertCompatible.mockRejectedValue(refusal);
    else source.checkOffers!.mockRejectedValue(refusal);
    expect(await codeOf(sut.setOffers(ada, VERSION, [INPUTS.COMMERCIAL]))).toBe('PARENT_FORBIDS_COMMERCIAL');
    nothingWritten(offers);
    expect(source.setAccess).not.toHaveBeenCalled();
  });
});

describe('setting a version’s offers: the list is the new truth, sold terms are never rewritten', () => {
  it('inserts new offers as the next revision, with generated terms and their hash, sorted by tier', async () => {
    const { sut, offers, source } = setUp();
    offers.latestRevision.mockImplementation((_m, _v, tier: Tier) => Promise.resolve(tier === 'COMMERCIAL' ? 4 : 0));
    const result = await sut.setOffers(ada, VERSION, [INPUTS.COMMERCIAL, INPUTS.FREE, INPUTS.PERSONAL]);
    expect(result.map((o) => [o.tier, o.revision])).toEqual([
      ['FREE', 1],
      ['PERSONAL', 1],
      ['COMMERCIAL', 5],
    ]);
    for (const offer of result) {
      expect(offer).toMatchObject({ subjectKind: 'MODEL', versionId: VERSION, createdAt: now, retiredAt: null });
      expect(offer.termsText).toContain('Ink Wash — v1');
      expect(offer.termsSha256).toBe(termsHash(offer.termsText));
      expect(offers.insert).toHaveBeenCalledWith(TEST_MANAGER, offer);
    }
    expect(new Set(result.map((o) => o.id)).size).toBe(3);
    expect(source.checkOffers).toHaveBeenCalledWith(TEST_MANAGER, expect.objectContaining({ versionId: VERSION }), [
      expect.objectContaining({ tier: 'COMMERCIAL' }),
      expect.objectContaining({ tier: 'FREE' }),
      expect.objectContaining({ tier: 'PERSONAL' }),
    ]);
  });

  it('normalises the credit line into the stored permissions and the text', async () => {
    const { sut } = setUp();
    const credited = permissions({ creditRequired: true, creditLine: '  Style by Ada  ' });
    const [offer] = await sut.setOffers(ada, VERSION, [{ ...INPUTS.PERSONAL, permissions: credited }]);
    expect(offer!.permissions.creditLine).toBe('Style by Ada');
    expect(offer!.termsText).toContain('Style by Ada');
  });

  it('keeps an unchanged offer as it is: same row, nothing retired or inserted (idempotent)', async () => {
    const kept = [live(INPUTS.PERSONAL), live(INPUTS.COMMERCIAL)];
    const { sut, offers } = setUp({ liveOffers: kept });
    const result = await sut.setOffers(ada, VERSION, [INPUTS.COMMERCIAL, INPUTS.PERSONAL]);
    expect(result.map((o) => o.id)).toEqual(['live-PERSONAL', 'live-COMMERCIAL']);
    nothingWritten(offers);
  });

  it.each<[string, OfferInput]>([
    ['a new price', { ...INPUTS.PERSONAL, priceAmount: 700 }],
    ['a new currency', { ...INPUTS.PERSONAL, priceCurrency: 'USD' }],
    ['new permissions', { ...INPUTS.PERSONAL, permissions: permissions({ derivativesAllowed: false }) }],
  ])('retires a changed offer (%s) and inserts its next revision', async (_name, input) => {
    const { sut, offers } = setUp({ liveOffers: [live(INPUTS.PERSONAL), live(INPUTS.COMMERCIAL)] });
    const result = await sut.setOffers(ada, VERSION, [input, INPUTS.COMMERCIAL]);
    expect(offers.retire.mock.calls).toEqual([[TEST_MANAGER, 'live-PERSONAL', now]]);
    expect(offers.latestRevision).toHaveBeenCalledWith(TEST_MANAGER, VERSION, 'PERSONAL');
    expect(offers.insert).toHaveBeenCalledTimes(1);
    const personal = result.find((o) => o.tier === 'PERSONAL')!;
    expect(personal.id).not.toBe('live-PERSONAL');
    expect(personal).toMatchObject({ revision: 3, priceAmount: input.priceAmount, priceCurrency: input.priceCurrency });
    expect(result.find((o) => o.tier === 'COMMERCIAL')!.id).toBe('live-COMMERCIAL');
  });

  it('retires a tier left out of the list', async () => {
    const { sut, offers } = setUp({ liveOffers: [live(INPUTS.PERSONAL), live(INPUTS.ENTERPRISE)] });
    const result = await sut.setOffers(ada, VERSION, [INPUTS.PERSONAL]);
    expect(result.map((o) => o.id)).toEqual(['live-PERSONAL']);
    expect(offers.retire.mock.calls).toEqual([[TEST_MANAGER, 'live-ENTERPRISE', now]]);
    expect(offers.insert).not.toHaveBeenCalled();
  });

  it.each<[string, OfferInput[], 'FREE' | 'LICENSED']>([
    ['a free tier', [INPUTS.FREE], 'FREE'],
    ['a free tier among paid ones', [INPUTS.COMMERCIAL, INPUTS.FREE], 'FREE'],
    ['paid tiers only', [INPUTS.PERSONAL, INPUTS.COMMERCIAL], 'LICENSED'],
    ['an exclusive tier', [INPUTS.EXCLUSIVE], 'LICENSED'],
  ])('opens the downloads to %s as %s', async (_name, inputs, access) => {
    const { sut, source } = setUp();
    await sut.setOffers(ada, VERSION, inputs);
    expect(source.setAccess).toHaveBeenCalledWith(TEST_MANAGER, VERSION, access);
  });

  it('works with a source without the optional hooks, and asks it by its kind', async () => {
    const { sut, subjects } = setUp({ bare: true });
    const result = await sut.setOffers(ada, VERSION, [INPUTS.PERSONAL], 'TEMPLATE');
    expect(result).toHaveLength(1);
    expect(result[0]!.subjectKind).toBe('TEMPLATE');
    expect(subjects.of.mock.calls.every(([kind]) => kind === 'TEMPLATE')).toBe(true);
  });
});

describe('the other offer use cases', () => {
  it('delists every offer of a version when an exclusive licence is sold', async () => {
    const { sut, offers, source, subjects } = setUp();
    offers.retireAllOf.mockResolvedValue(undefined);
    await sut.delistAll(TEST_MANAGER, 'MODEL', VERSION, now);
    expect(offers.retireAllOf).toHaveBeenCalledWith(TEST_MANAGER, VERSION, now);
    expect(subjects.of).toHaveBeenCalledWith('MODEL');
    expect(source.setAccess).toHaveBeenCalledWith(TEST_MANAGER, VERSION, 'LICENSED');
  });

  it('delists a template’s offers though its source has no access hook', async () => {
    const { sut, offers } = setUp({ bare: true });
    offers.retireAllOf.mockResolvedValue(undefined);
    await expect(sut.delistAll(TEST_MANAGER, 'TEMPLATE', VERSION, now)).resolves.toBeUndefined();
    expect(offers.retireAllOf).toHaveBeenCalledTimes(1);
  });

  it('lists live offers of several versions cheapest tier first', async () => {
    const { sut, offers } = setUp();
    offers.liveOfVersions.mockResolvedValue([
      live(INPUTS.EXCLUSIVE),
      live(INPUTS.PERSONAL, { versionId: 'other' }),
      live(INPUTS.ENTERPRISE),
      live(INPUTS.FREE, { versionId: 'other' }),
      live(INPUTS.COMMERCIAL),
    ]);
    const result = await sut.liveOffers([VERSION, 'other']);
    expect(result.map((o) => o.tier)).toEqual(['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE']);
    expect(offers.liveOfVersions).toHaveBeenCalledWith([VERSION, 'other']);
  });
});
