import type { JWK, JWTPayload } from 'jose';
import { createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';

/**
 * Licence certificates as anyone can check them: the claims, the problems a certificate can have, and the offline
 * verification against the published JWKS. Shared by the API (licensing) and the browser (the public verify page),
 * so both apply exactly the same rules.
 */
export const CERTIFICATE_TYPE = 'lookbook-license+jwt';
export const CERTIFICATE_ISSUER = 'lookbook';

/** A public key as the JWKS lists it; `notAfter` (seconds) is the last moment a retired key may have signed. */
export interface PublicJwk extends JWK {
  kid: string;
  notAfter?: number;
}

export interface LicenseClaims {
  grantId: string;
  licenseeId: string;
  /** e.g. `urn:lookbook:model:<modelId>:version:<versionId>` */
  resource: string;
  tier: string;
  /** SHA-256 of the exact licence text (terms) granted. */
  termsSha256: string;
  /** SHA-256 of every file the licence covers. */
  fileSha256s: string[];
  issuedAt: Date;
}

export const CERTIFICATE_PROBLEMS = [
  'MALFORMED',
  'UNSUPPORTED_ALGORITHM',
  'UNKNOWN_KEY',
  'KEY_EXPIRED',
  'BAD_SIGNATURE',
  'INVALID_CLAIMS',
] as const;
export type CertificateProblem = (typeof CERTIFICATE_PROBLEMS)[number];

export class CertificateError extends Error {
  constructor(
    readonly problem: CertificateProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Verifies a certificate with nothing but the public JWKS: EdDSA only (so `alg: none` and HS256-keyed-with-the-public-
 * key forgeries fail), the key must be listed, the signature must match, the key must not have been retired before
 * the issue time, and the claims must be complete. Says nothing about revocation — that is the online check.
 */
export async function verifyCertificate(token: string, jwks: { keys: PublicJwk[] }): Promise<LicenseClaims> {
  if (typeof token !== 'string' || token.length > 20_000 || token.split('.').length !== 3) {
    throw new CertificateError('MALFORMED', 'Not a licence certificate');
  }
  let header: { alg?: string; kid?: string; typ?: string };
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new CertificateError('MALFORMED', 'Not a licence certificate');
  }
  if (header.alg !== 'EdDSA')
    throw new CertificateError(
      'UNSUPPORTED_ALGORITHM',
      `Certificates are signed with EdDSA, not ${String(header.alg)}`,
    );
  const key = jwks.keys.find((k) => k.kid === header.kid);
  if (!key) throw new CertificateError('UNKNOWN_KEY', 'Signed by a key Lookbook does not publish');

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
      algorithms: ['EdDSA'],
      issuer: CERTIFICATE_ISSUER,
      typ: CERTIFICATE_TYPE,
    }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed)
      throw new CertificateError('BAD_SIGNATURE', 'The signature does not match');
    throw new CertificateError('INVALID_CLAIMS', 'The certificate is not well-formed');
  }
  const {
    sub,
    jti,
    iat,
    resource,
    tier,
    terms_sha256: terms,
    files_sha256: files,
  } = payload as JWTPayload & Record<string, unknown>;
  const complete =
    typeof sub === 'string' &&
    typeof jti === 'string' &&
    typeof iat === 'number' &&
    typeof resource === 'string' &&
    typeof tier === 'string' &&
    typeof terms === 'string' &&
    /^[0-9a-f]{64}$/.test(terms) &&
    Array.isArray(files) &&
    files.every((f) => typeof f === 'string' && /^[0-9a-f]{64}$/.test(f));
  if (!complete) throw new CertificateError('INVALID_CLAIMS', 'The certificate is missing licence details');
  if (key.notAfter !== undefined && iat > key.notAfter) {
    throw new CertificateError('KEY_EXPIRED', 'Signed after its key was retired');
  }
  return {
    grantId: jti,
    licenseeId: sub,
    resource,
    tier,
    termsSha256: terms,
    fileSha256s: files as string[],
    issuedAt: new Date(iat * 1000),
  };
}
