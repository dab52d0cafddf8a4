import { SignJWT } from 'jose';
import type { LicenseClaims } from '@lookbook/kernel';
import { CERTIFICATE_ISSUER, CERTIFICATE_TYPE } from '@lookbook/kernel';
import type { LicenseKeyRing } from './key-ring';

export type { CertificateProblem, LicenseClaims } from '@lookbook/kernel';
export { CERTIFICATE_PROBLEMS, CERTIFICATE_TYPE, CertificateError, verifyCertificate } from '@lookbook/kernel';

/** Signs a licence certificate: a compact Ed25519 JWS (EdDSA) naming the key that signed it. No expiry: licences last. */
export function signCertificate(claims: LicenseClaims, keys: LicenseKeyRing): Promise<string> {
  return new SignJWT({
    resource: claims.resource,
    tier: claims.tier,
    terms_sha256: claims.termsSha256,
    files_sha256: claims.fileSha256s,
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.activeKid, typ: CERTIFICATE_TYPE })
    .setIssuer(CERTIFICATE_ISSUER)
    .setSubject(claims.licenseeId)
    .setJti(claims.grantId)
    .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000))
    .sign(keys.signingKey);
}
