import { Transactions } from '@lookbook/core';
import type { Role } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { DomainError, NotFoundError } from '@lookbook/kernel';
import { anActor, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import type { OfferEntity } from '../offers/offer.entity';
import { OfferService } from '../offers/offer.service';
import { LicensableSubjects } from '../subjects/licensable-subjects';
import type { SubjectSource } from '../subjects/licensable-subjects';
import type { SubjectKind, SubjectSummary } from '../subjects/subject';
import type { LicenseEntity } from './license.entity';
import { LicenseIssuer } from './license-issuer.service';
import { LicenseRepository } from './license.repository';
import { LicenseService } from './license.service';
import { LicenseVerifier } from './license-verifier.service';

const VERSION = 'version-1';
const CREATOR = 'ada';
const HOLDER = 'bob';

const grant = (change: Partial<LicenseEntity> = {}): LicenseEntity =>
  ({
    id: 'grant-1',
    licenseeId: HOLDER,
    subjectKind: 'MODEL',
    subjectId: 'ink',
    versionId: VERSION,
    tier: 'COMMERCIAL',
    status: 'ACTIVE',
    ...change,
  }) as LicenseEntity;
const offer = (change: Partial<OfferEntity> = {}): OfferEntity =>
  ({
    id: 'offer-1',
    subjectKind: 'MODEL',
    versionId: VERSION,
    tier: 'COMMERCIAL',
    ...change,
  }) as OfferEntity;
const summary = { versionId: VERSION, ownerId: CREATOR } as SubjectSummary;
const notFound = () => new NotFoundError('VERSION_NOT_FOUND', 'Version not found');

function setUp() {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(LicenseService, [[Transactions, transactions]]);
  const source = {
    owned: jest.fn((actor: { userId: string }) =>
      actor.userId === CREATOR ? Promise.resolve(summary) : Promise.reject(notFound()),
    ),
    visible: jest.fn(() => Promise.resolve(summary)),
    owners: jest.fn((ids: readonly string[]) => Promise.resolve(new Map(ids.map((id) => [id, CREATOR])))),
  };
  const subjects = mock(LicensableSubjects);
  subjects.of.mockReturnValue(source as unknown as SubjectSource);
  const issuer = mock(LicenseIssuer);
  issuer.issue.mockImplementation((_manager, input) =>
    Promise.resolve(
      grant({ id: 'issued', offerId: input.offerId, licenseeId: input.licenseeId, source: input.source }),
    ),
  );
  return {
    sut,
    source,
    subjects,
    issuer,
    transactions,
    licenses: mock(LicenseRepository),
    offers: mock(OfferService),
    identity: mock(IdentityFacade),
    verifier: mock(LicenseVerifier),
  };
}

const codeOf = (run: Promise<unknown>) =>
  run.then(
    () => 'ok',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('who may look at a licence', () => {
  it.each<[string, string, Role[], string]>([
    ['its holder', HOLDER, [], 'HOLDER'],
    ['the version’s creator', CREATOR, [], 'CREATOR'],
    ['a moderator', 'mod', ['moderator'], 'STAFF'],
    ['an admin', 'root', ['admin'], 'STAFF'],
    ['a holder who is also staff (the holder view wins)', HOLDER, ['admin'], 'HOLDER'],
  ])('shows it to %s as %s', async (_name, userId, roles, audience) => {
    const { sut, licenses, source, subjects } = setUp();
    licenses.byId.mockResolvedValue(grant({ subjectKind: 'TEMPLATE' as SubjectKind, subjectId: 'flow' }));
    const seen = await sut.visible(anActor(userId, roles), 'grant-1');
    expect(seen.audience).toBe(audience);
    expect(seen.grant.id).toBe('grant-1');
    expect(subjects.of).toHaveBeenCalledWith('TEMPLATE');
    expect(source.owners).toHaveBeenCalledWith(['flow']);
  });

  it.each<[string, string]>([
    ['a stranger', 'eve'],
    ['the holder of another licence', 'carol'],
  ])('answers LICENSE_NOT_FOUND to %s, as for a missing licence', async (_name, userId) => {
    const { sut, licenses } = setUp();
    licenses.byId.mockResolvedValue(grant());
    expect(await codeOf(sut.visible(anActor(userId), 'grant-1'))).toBe('LICENSE_NOT_FOUND');
  });

  it('answers LICENSE_NOT_FOUND for a licence that does not exist, without asking for owners', async () => {
    const { sut, licenses, source } = setUp();
    licenses.byId.mockResolvedValue(null);
    expect(await codeOf(sut.visible(anActor(CREATOR), 'nope'))).toBe('LICENSE_NOT_FOUND');
    expect(source.owners).not.toHaveBeenCalled();
  });

  it('does not take the creator for one when the subject’s owner is unknown', async () => {
    const { sut, licenses, source } = setUp();
    licenses.byId.mockResolvedValue(grant());
    source.owners.mockResolvedValue(new Map());
    expect(await codeOf(sut.visible(anActor(CREATOR), 'grant-1'))).toBe('LICENSE_NOT_FOUND');
  });
});

describe('listing licences', () => {
  it('lists the caller’s own licences', async () => {
    const { sut, licenses } = setUp();
    const page = { edges: [], pageInfo: {} } as never;
    licenses.pageForLicensee.mockResolvedValue(page);
    const map = (g: LicenseEntity) => g.id;
    await sut.mine(anActor(HOLDER), { first: 10 }, map);
    expect(licenses.pageForLicensee).toHaveBeenCalledWith(HOLDER, { first: 10 }, map);
  });

  it('lists the licences sold of a version to its creator', async () => {
    const { sut, licenses, source } = setUp();
    licenses.pageForVersion.mockResolvedValue({ edges: [] } as never);
    await sut.sold(anActor(CREATOR), VERSION, { first: 5 }, (g) => g.id, 'TEMPLATE');
    expect(source.owned).toHaveBeenCalledWith(expect.objectContaining({ userId: CREATOR }), VERSION);
    expect(licenses.pageForVersion).toHaveBeenCalledWith(VERSION, { first: 5 }, expect.any(Function));
  });

  it.each([['eve'], [HOLDER]])('refuses the sales of a version to %s, and reads none', async (userId) => {
    const { sut, licenses } = setUp();
    expect(await codeOf(sut.sold(anActor(userId), VERSION, {}, (g) => g.id))).toBe('VERSION_NOT_FOUND');
    expect(licenses.pageForVersion).not.toHaveBeenCalled();
  });

  it('asks which of some versions the viewer holds', async () => {
    const { sut, licenses } = setUp();
    licenses.heldBy.mockResolvedValue([grant()]);
    await sut.heldBy(anActor(HOLDER), [VERSION, 'v2']);
    expect(licenses.heldBy).toHaveBeenCalledWith(HOLDER, [VERSION, 'v2']);
  });

  it.each<[string, Partial<LicenseEntity>[], string | null]>([
    ['none', [], null],
    ['one', [{ id: 'p', tier: 'PERSONAL' }], 'p'],
    [
      'the strongest tier of several',
      [
        { id: 'f', tier: 'FREE' },
        { id: 'c', tier: 'COMMERCIAL' },
        { id: 'p', tier: 'PERSONAL' },
      ],
      'c',
    ],
    [
      'the earliest of one tier',
      [
        { id: 'c1', tier: 'COMMERCIAL' },
        { id: 'c2', tier: 'COMMERCIAL' },
      ],
      'c1',
    ],
    [
      'an exclusive over an enterprise',
      [
        { id: 'e', tier: 'ENTERPRISE' },
        { id: 'x', tier: 'EXCLUSIVE' },
      ],
      'x',
    ],
  ])('names the strongest active licence on a subject: %s', async (_name, held, expected) => {
    const { sut, licenses } = setUp();
    licenses.activeOnSubject.mockResolvedValue(held.map((g) => grant(g)));
    const found = await sut.strongestActiveOn(TEST_MANAGER, HOLDER, 'TEMPLATE', 'flow');
    expect(found?.id ?? null).toBe(expected);
    expect(licenses.activeOnSubject).toHaveBeenCalledWith(TEST_MANAGER, HOLDER, 'TEMPLATE', 'flow');
  });
});

describe('claiming a free licence', () => {
  it('issues the version’s free offer to the caller, in one transaction', async () => {
    const { sut, offers, issuer, transactions } = setUp();
    offers.liveOffers.mockResolvedValue([offer({ id: 'paid' }), offer({ id: 'free', tier: 'FREE' })]);
    const issued = await sut.claimFree(anActor(HOLDER), VERSION);
    expect(issuer.issue).toHaveBeenCalledWith(TEST_MANAGER, {
      offerId: 'free',
      licenseeId: HOLDER,
      source: 'FREE_CLAIM',
    });
    expect(issued.id).toBe('issued');
    expect(transactions.count).toBe(1);
    expect(offers.liveOffers).toHaveBeenCalledWith([VERSION]);
  });

  it.each<[string, OfferEntity[]]>([
    ['no offers', []],
    ['paid offers only', [offer({ tier: 'PERSONAL' }), offer({ tier: 'EXCLUSIVE' })]],
    ['a free offer of another kind of subject', [offer({ tier: 'FREE', subjectKind: 'TEMPLATE' as SubjectKind })]],
  ])('refuses when the version has %s (OFFER_NOT_AVAILABLE) and issues nothing', async (_name, live) => {
    const { sut, offers, issuer, transactions } = setUp();
    offers.liveOffers.mockResolvedValue(live);
    expect(await codeOf(sut.claimFree(anActor(HOLDER), VERSION))).toBe('OFFER_NOT_AVAILABLE');
    expect(issuer.issue).not.toHaveBeenCalled();
    expect(transactions.count).toBe(0);
  });

  it('answers a version the caller may not see as not found, before looking at offers', async () => {
    const { sut, source, offers, issuer } = setUp();
    source.visible.mockRejectedValue(notFound());
    expect(await codeOf(sut.claimFree(anActor(HOLDER), VERSION))).toBe('VERSION_NOT_FOUND');
    expect(offers.liveOffers).not.toHaveBeenCalled();
    expect(issuer.issue).not.toHaveBeenCalled();
  });

  it('claims a template’s free offer through the template source', async () => {
    const { sut, offers, subjects, issuer } = setUp();
    offers.liveOffers.mockResolvedValue([
      offer({ id: 'free-t', tier: 'FREE', subjectKind: 'TEMPLATE' as SubjectKind }),
    ]);
    await sut.claimFree(anActor(HOLDER), VERSION, 'TEMPLATE');
    expect(subjects.of).toHaveBeenCalledWith('TEMPLATE');
    expect(issuer.issue).toHaveBeenCalledWith(TEST_MANAGER, expect.objectContaining({ offerId: 'free-t' }));
  });
});

describe('gifting a licence', () => {
  it('issues the creator’s offer to the named user as a gift', async () => {
    const { sut, offers, identity, issuer } = setUp();
    offers.byId.mockResolvedValue(offer());
    identity.userByHandle.mockResolvedValue({ id: 'carol-id', handle: 'carol', displayName: 'Carol' });
    const issued = await sut.gift(anActor(CREATOR), 'offer-1', '  carol ');
    expect(identity.userByHandle).toHaveBeenCalledWith('carol');
    expect(issuer.issue).toHaveBeenCalledWith(TEST_MANAGER, {
      offerId: 'offer-1',
      licenseeId: 'carol-id',
      source: 'GIFT',
    });
    expect(issued.licenseeId).toBe('carol-id');
  });

  it.each<[string, string, OfferEntity | null, string]>([
    ['a missing offer', CREATOR, null, 'OFFER_NOT_FOUND'],
    ['someone else’s offer (same answer as missing)', 'eve', offer(), 'OFFER_NOT_FOUND'],
    ['a holder gifting the creator’s offer', HOLDER, offer(), 'OFFER_NOT_FOUND'],
    ['a free offer', CREATOR, offer({ tier: 'FREE' }), 'WRONG_LICENSE_SOURCE'],
  ])('refuses %s (%s) and issues nothing', async (_name, giver, found, code) => {
    const { sut, offers, issuer, identity, transactions } = setUp();
    offers.byId.mockResolvedValue(found);
    expect(await codeOf(sut.gift(anActor(giver), 'offer-1', 'carol'))).toBe(code);
    expect(identity.userByHandle).not.toHaveBeenCalled();
    expect(issuer.issue).not.toHaveBeenCalled();
    expect(transactions.count).toBe(0);
  });

  it.each([['nobody'], [''], ['   ']])('refuses an unknown licensee %j (USER_NOT_FOUND)', async (handle) => {
    const { sut, offers, identity, issuer } = setUp();
    offers.byId.mockResolvedValue(offer());
    identity.userByHandle.mockResolvedValue(null);
    expect(await codeOf(sut.gift(anActor(CREATOR), 'offer-1', handle))).toBe('USER_NOT_FOUND');
    expect(issuer.issue).not.toHaveBeenCalled();
  });

  it('asks the offer’s own kind of subject whether the giver owns it', async () => {
    const { sut, offers, subjects, source, identity } = setUp();
    offers.byId.mockResolvedValue(offer({ subjectKind: 'TEMPLATE' as SubjectKind, versionId: 'tv' }));
    identity.userByHandle.mockResolvedValue({ id: 'carol-id', handle: 'carol', displayName: 'Carol' });
    await sut.gift(anActor(CREATOR), 'offer-1', 'carol');
    expect(subjects.of).toHaveBeenCalledWith('TEMPLATE');
    expect(source.owned).toHaveBeenCalledWith(expect.objectContaining({ userId: CREATOR }), 'tv');
  });
});

describe('revoking a licence', () => {
  it('revokes through the issuer with the reason and note, in a transaction', async () => {
    const { sut, issuer, transactions } = setUp();
    issuer.revoke.mockResolvedValue({ grant: grant({ status: 'REVOKED' }), changed: true });
    const revoked = await sut.revoke('grant-1', 'FRAUD', 'chargeback ring');
    expect(issuer.revoke).toHaveBeenCalledWith(TEST_MANAGER, 'grant-1', 'FRAUD', 'chargeback ring');
    expect(revoked.status).toBe('REVOKED');
    expect(transactions.count).toBe(1);
  });

  it('refuses to revoke twice (LICENSE_ALREADY_REVOKED)', async () => {
    const { sut, issuer } = setUp();
    issuer.revoke.mockResolvedValue({ grant: grant({ status: 'REVOKED' }), changed: false });
    expect(await codeOf(sut.revoke('grant-1', 'REFUNDED', null))).toBe('LICENSE_ALREADY_REVOKED');
  });
});

describe('verifying', () => {
  it('hands the certificate to the verifier', async () => {
    const { sut, verifier } = setUp();
    verifier.verifyCertificate.mockResolvedValue({ valid: false, problem: 'MALFORMED', message: 'x', grant: null });
    await expect(sut.verifyCertificate('abc')).resolves.toMatchObject({ problem: 'MALFORMED' });
    expect(verifier.verifyCertificate).toHaveBeenCalledWith('abc');
  });
});
