import { createHmac } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LicenseClaims } from './certificate';
import { CertificateError, signCertificate, verifyCertificate } from './certificate';
import type { StoredKey } from './key-ring';
import { LicenseKeyRing, newKey, rotate } from './key-ring';

const claims: LicenseClaims = {
  grantId: '01900000-0000-7000-8000-000000000001',
  licenseeId: '01900000-0000-7000-8000-000000000002',
  resource: 'urn:lookbook:model:m1:version:v1',
  tier: 'COMMERCIAL',
  termsSha256: 'a'.repeat(64),
  fileSha256s: ['b'.repeat(64), 'c'.repeat(64)],
  issuedAt: new Date('2026-11-25T10:00:00Z'),
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'VALID';
  } catch (error) {
    if (error instanceof CertificateError) return error.problem;
    throw error;
  }
};

describe('licence certificates', () => {
  let stored: StoredKey[];
  let ring: LicenseKeyRing;
  beforeAll(async () => {
    stored = [await newKey()];
    ring = await LicenseKeyRing.fromStored(stored);
  });

  it('round-trips every claim, verified with the public JWKS alone', async () => {
    const token = await signCertificate(claims, ring);
    const jwks = ring.jwks();
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: ring.activeKid });
    await expect(verifyCertificate(token, JSON.parse(JSON.stringify(jwks)))).resolves.toEqual(claims);
  });

  it.each<[string, (token: string) => Promise<string> | string, string]>([
    [
      'a tampered payload',
      (t) => {
        const [h, , s] = t.split('.');
        return `${h}.${b64({ ...JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()), tier: 'EXCLUSIVE' })}.${s}`;
      },
      'BAD_SIGNATURE',
    ],
    ['a truncated token', (t) => t.slice(0, -10), 'BAD_SIGNATURE'],
    ['a token missing its signature part', (t) => t.split('.').slice(0, 2).join('.'), 'MALFORMED'],
    ['garbage', () => 'not.a.certificate', 'MALFORMED'],
    [
      'alg none',
      (t) => `${b64({ alg: 'none', kid: ring.activeKid, typ: 'lookbook-license+jwt' })}.${t.split('.')[1]}.`,
      'UNSUPPORTED_ALGORITHM',
    ],
    [
      'HS256 keyed with the public key',
      (t) => {
        const header = b64({ alg: 'HS256', kid: ring.activeKid, typ: 'lookbook-license+jwt' });
        const payload = t.split('.')[1]!;
        const publicKey = JSON.stringify(ring.jwks().keys[0]);
        return `${header}.${payload}.${createHmac('sha256', publicKey).update(`${header}.${payload}`).digest('base64url')}`;
      },
      'UNSUPPORTED_ALGORITHM',
    ],
  ])('refuses %s', async (_name, forge, problem) => {
    const token = await signCertificate(claims, ring);
    expect(await problemOf(verifyCertificate(await forge(token), ring.jwks()))).toBe(problem);
  });

  it('refuses a certificate signed by a key Lookbook does not publish', async () => {
    const stranger = await LicenseKeyRing.fromStored([await newKey()]);
    expect(await problemOf(verifyCertificate(await signCertificate(claims, stranger), ring.jwks()))).toBe(
      'UNKNOWN_KEY',
    );
  });

  it('refuses a key swapped in under a published kid', async () => {
    const impostor = await LicenseKeyRing.fromStored([{ ...(await newKey()), kid: ring.activeKid }]);
    expect(await problemOf(verifyCertificate(await signCertificate(claims, impostor), ring.jwks()))).toBe(
      'BAD_SIGNATURE',
    );
  });

  it('keeps verifying old certificates after rotation, and refuses ones a retired key signed later', async () => {
    const before = await signCertificate(claims, ring);
    const rotated = await LicenseKeyRing.fromStored(await rotate(stored, new Date('2026-12-01T00:00:00Z')));
    expect(rotated.activeKid).not.toBe(ring.activeKid);
    expect(rotated.jwks().keys.map((k) => k.kid)).toEqual([rotated.activeKid, ring.activeKid]);
    await expect(verifyCertificate(before, rotated.jwks())).resolves.toMatchObject({ grantId: claims.grantId });
    await expect(verifyCertificate(await signCertificate(claims, rotated), rotated.jwks())).resolves.toBeDefined();
    // The old key (stolen, say) used to sign after its retirement date:
    const late = await signCertificate({ ...claims, issuedAt: new Date('2027-01-01T00:00:00Z') }, ring);
    expect(await problemOf(verifyCertificate(late, rotated.jwks()))).toBe('KEY_EXPIRED');
  });

  it('refuses certificates with missing or malformed licence claims', async () => {
    const bad = await signCertificate({ ...claims, fileSha256s: ['not-a-hash'] }, ring);
    expect(await problemOf(verifyCertificate(bad, ring.jwks()))).toBe('INVALID_CLAIMS');
  });

  it('creates the embedded key file once, private to the owner', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lookbook-keys-')), 'license-signing-keys.json');
    const first = await LicenseKeyRing.load(undefined, file);
    const again = await LicenseKeyRing.load(undefined, file);
    expect(again.activeKid).toBe(first.activeKid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await expect(LicenseKeyRing.load('[]', file)).rejects.toThrow(/at least one key/);
    await expect(LicenseKeyRing.load(JSON.stringify([{ kty: 'oct', k: 'x', kid: 'k' }]), file)).rejects.toThrow(
      /Ed25519/,
    );
  });
});
