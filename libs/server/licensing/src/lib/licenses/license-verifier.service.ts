import { Injectable } from '@nestjs/common';
import { CERTIFICATE_PROBLEMS, CertificateError, verifyCertificate } from '../certificates/certificate';
import { LicenseKeyRing } from '../certificates/key-ring';
import { LicensingErrors } from '../licensing.errors';
import type { LicenseEntity } from './license.entity';
import { LicenseRepository } from './license.repository';

export const VERIFICATION_PROBLEMS = [...CERTIFICATE_PROBLEMS, 'UNKNOWN_LICENSE'] as const;
export type VerificationProblem = (typeof VERIFICATION_PROBLEMS)[number];

export interface Verification {
  valid: boolean;
  problem: VerificationProblem | null;
  message: string | null;
  /** The licence record (status, terms, files) — present when the certificate names a licence Lookbook issued. */
  grant: LicenseEntity | null;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * The online check: the offline checks (signature against the published JWKS, EdDSA only, key not retired before
 * issue) plus the licence record — it must exist, agree with every signed claim, and says whether it was revoked.
 */
@Injectable()
export class LicenseVerifier {
  constructor(
    private readonly keys: LicenseKeyRing,
    private readonly licenses: LicenseRepository,
  ) {}

  async verifyCertificate(certificate: string): Promise<Verification> {
    let claims;
    try {
      claims = await verifyCertificate(certificate, this.keys.jwks());
    } catch (error) {
      if (error instanceof CertificateError) {
        return { valid: false, problem: error.problem, message: error.message, grant: null };
      }
      throw error;
    }
    const grant = await this.licenses.byId(claims.grantId);
    if (!grant) {
      return { valid: false, problem: 'UNKNOWN_LICENSE', message: 'Lookbook issued no such licence', grant: null };
    }
    const agrees =
      grant.licenseeId === claims.licenseeId &&
      grant.resourceUrn === claims.resource &&
      grant.tier === claims.tier &&
      grant.termsSha256 === claims.termsSha256 &&
      sameList(grant.fileSha256s, claims.fileSha256s) &&
      Math.floor(grant.issuedAt.getTime() / 1000) === Math.floor(claims.issuedAt.getTime() / 1000);
    if (!agrees) {
      return {
        valid: false,
        problem: 'INVALID_CLAIMS',
        message: 'The certificate does not match the licence record',
        grant: null,
      };
    }
    return { valid: true, problem: null, message: null, grant };
  }

  /** By licence id: checks the stored certificate the same way. LICENSE_NOT_FOUND for unknown ids. */
  async verifyById(id: string): Promise<Verification> {
    const grant = await this.licenses.byId(id);
    if (!grant) throw LicensingErrors.licenseNotFound();
    return this.verifyCertificate(grant.certificate);
  }
}
