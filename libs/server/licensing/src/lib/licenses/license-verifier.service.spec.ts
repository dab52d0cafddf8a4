import { DomainError } from '@lookbook/kernel';
import { newTestService } from '@lookbook/testing';
import type { LicenseClaims } from '../certificates/certificate';
import { signCertificate } from '../certificates/certificate';
import { LicenseKeyRing, newKey, rotate } from '../certificates/key-ring';
import type { LicenseEntity } from './license.entity';
import { LicenseRepository } from './license.repository';
import { LicenseVerifier } from './license-verifier.service';

const GRANT_ID = '01900000-0000-7000-8000-000000000001';
const claims: LicenseClaims = {
  grantId: GRANT_ID,
  licenseeId: '01900000-0000-7000-8000-000000000002',
  resource: 'urn:lookbook:model:m1:version:v1',
  tier: 'COMMERCIAL',
  termsSha256: 'a'.repeat(64),
  fileSha256s: ['b'.repeat(64), 'c'.repeat(64)],
  issuedAt: new Date('2026-11-25T10:00:00Z'),
};

/** The licence record the claims were signed from; `change` makes it disagree with them. */
const record = (certificate: string, change: Partial<LicenseEntity> = {}): LicenseEntity =>
  ({
    id: GRANT_ID,
    licenseeId: claims.licenseeId,
    resourceUrn: claims.resource,
    tier: claims.tier,
    termsSha256: claims.termsSha256,
    fileSha256s: [...claims.fileSha256s],
    issuedAt: claims.issuedAt,
    certificate,
    status: 'ACTIVE',
    ...change,
  }) as LicenseEntity;

let ring: LicenseKeyRing;
beforeAll(async () => {
  ring = await LicenseKeyRing.fromStored([await newKey()]);
});

function setUp(keys: LicenseKeyRing = ring) {
  const { sut, mock } = newTestService(LicenseVerifier, [[LicenseKeyRing as never, keys]]);
  return { sut, licenses: mock(LicenseRepository) };
}

describe('verifying a certificate online', () => {
  it('accepts a certificate that matches its licence record, and returns the record', async () => {
    const { sut, licenses } = setUp();
    const certificate = await signCertificate(claims, ring);
    const grant = record(certificate);
    licenses.byId.mockResolvedValue(grant);
    await expect(sut.verifyCertificate(certificate)).resolves.toEqual({
      valid: true,
      problem: null,
      message: null,
      grant,
    });
    expect(licenses.byId).toHaveBeenCalledWith(GRANT_ID);
  });

  it('returns the record of a revoked licence as valid: the certificate is genuine, the status tells the rest', async () => {
    const { sut, licenses } = setUp();
    const certificate = await signCertificate(claims, ring);
    licenses.byId.mockResolvedValue(record(certificate, { status: 'REVOKED', revokedAt: new Date() }));
    const verification = await sut.verifyCertificate(certificate);
    expect(verification.valid).toBe(true);
    expect(verification.grant?.status).toBe('REVOKED');
  });

  it.each<[string, Partial<LicenseEntity>]>([
    ['files listed in another order', { fileSha256s: ['c'.repeat(64), 'b'.repeat(64)] }],
    ['an issue time with milliseconds the certificate drops', { issuedAt: new Date('2026-11-25T10:00:00.999Z') }],
  ])('accepts a record with %s', async (_name, change) => {
    const { sut, licenses } = setUp();
    const certificate = await signCertificate(claims, ring);
    licenses.byId.mockResolvedValue(record(certificate, change));
    expect((await sut.verifyCertificate(certificate)).valid).toBe(true);
  });

  it.each<[string, Partial<LicenseEntity>]>([
    ['another licensee', { licenseeId: '01900000-0000-7000-8000-000000000009' }],
    ['another resource', { resourceUrn: 'urn:lookbook:model:m1:version:v2' }],
    ['another tier', { tier: 'EXCLUSIVE' }],
    ['other terms', { termsSha256: 'f'.repeat(64) }],
    ['a file fewer', { fileSha256s: ['b'.repeat(64)] }],
    ['a file more', { fileSha256s: ['b'.repeat(64), 'c'.repeat(64), 'd'.repeat(64)] }],
    ['a different file', { fileSha256s: ['b'.repeat(64), 'e'.repeat(64)] }],
    ['a file twice instead of two files', { fileSha256s: ['b'.repeat(64), 'b'.repeat(64)] }],
    ['an issue time a second later', { issuedAt: new Date('2026-11-25T10:00:01Z') }],
  ])('refuses a certificate whose record has %s (INVALID_CLAIMS), without leaking the record', async (_n, change) => {
    const { sut, licenses } = setUp();
    const certificate = await signCertificate(claims, ring);
    licenses.byId.mockResolvedValue(record(certificate, change));
    await expect(sut.verifyCertificate(certificate)).resolves.toEqual({
      valid: false,
      problem: 'INVALID_CLAIMS',
      message: expect.any(String),
      grant: null,
    });
  });

  it('refuses a genuine certificate for a licence Lookbook has no record of (UNKNOWN_LICENSE)', async () => {
    const { sut, licenses } = setUp();
    licenses.byId.mockResolvedValue(null);
    const verification = await sut.verifyCertificate(await signCertificate(claims, ring));
    expect(verification).toMatchObject({ valid: false, problem: 'UNKNOWN_LICENSE', grant: null });
    expect(licenses.byId).toHaveBeenCalledWith(GRANT_ID);
  });

  it.each<[string, string, () => Promise<string>]>([
    ['garbage', 'MALFORMED', () => Promise.resolve('not.a.certificate')],
    ['an empty string', 'MALFORMED', () => Promise.resolve('')],
    [
      'a certificate signed by a key Lookbook does not publish',
      'UNKNOWN_KEY',
      async () => signCertificate(claims, await LicenseKeyRing.fromStored([await newKey()])),
    ],
    [
      'a tampered signature',
      'BAD_SIGNATURE',
      async () => {
        const token = await signCertificate(claims, ring);
        const [h, p, s] = token.split('.');
        return `${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`;
      },
    ],
  ])('reports %s as %s and never reads a record', async (_name, problem, make) => {
    const { sut, licenses } = setUp();
    const verification = await sut.verifyCertificate(await make());
    expect(verification).toMatchObject({ valid: false, problem, grant: null });
    expect(typeof verification.message).toBe('string');
    expect(licenses.byId).not.toHaveBeenCalled();
  });

  it('still accepts a certificate signed before its key was retired, after a rotation', async () => {
    const stored = [await newKey()];
    const old = await LicenseKeyRing.fromStored(stored);
    const certificate = await signCertificate(claims, old);
    const rotated = await LicenseKeyRing.fromStored(await rotate(stored, new Date('2026-12-01T00:00:00Z')));
    const { sut, licenses } = setUp(rotated);
    licenses.byId.mockResolvedValue(record(certificate));
    expect((await sut.verifyCertificate(certificate)).valid).toBe(true);
  });

  it('refuses a certificate dated after its key was retired (KEY_EXPIRED)', async () => {
    const stored = [await newKey()];
    const old = await LicenseKeyRing.fromStored(stored);
    const certificate = await signCertificate(claims, old);
    const rotated = await LicenseKeyRing.fromStored(await rotate(stored, new Date('2026-11-01T00:00:00Z')));
    const { sut, licenses } = setUp(rotated);
    expect(await sut.verifyCertificate(certificate)).toMatchObject({ valid: false, problem: 'KEY_EXPIRED' });
    expect(licenses.byId).not.toHaveBeenCalled();
  });
});

describe('verifying a licence by its id', () => {
  it('checks the stored certificate of the licence', async () => {
    const { sut, licenses } = setUp();
    const certificate = await signCertificate(claims, ring);
    licenses.byId.mockResolvedValue(record(certificate));
    expect((await sut.verifyById(GRANT_ID)).valid).toBe(true);
    expect(licenses.byId).toHaveBeenCalledWith(GRANT_ID);
  });

  it('reports a stored certificate that no longer matches the record', async () => {
    const { sut, licenses } = setUp();
    const certificate = await signCertificate(claims, ring);
    licenses.byId.mockResolvedValue(record(certificate, { tier: 'PERSONAL' }));
    expect(await sut.verifyById(GRANT_ID)).toMatchObject({ valid: false, problem: 'INVALID_CLAIMS' });
  });

  it('throws LICENSE_NOT_FOUND for an unknown id', async () => {
    const { sut, licenses } = setUp();
    licenses.byId.mockResolvedValue(null);
    const error = await sut.verifyById('01900000-0000-7000-8000-00000000dead').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('LICENSE_NOT_FOUND');
  });
});
