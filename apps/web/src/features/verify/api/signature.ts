import { queryOptions } from '@tanstack/react-query';
import type { LicenseClaims } from '@lookbook/kernel/browser';
import { CertificateError, verifyCertificate } from '@lookbook/kernel/browser';
import { verifyKeys } from './keys';
import type { Jwks } from './queries';

// Apart from the queries: the verification code (jose) loads with the verify page, not with the router.
/** What the signature says, checked here against the published keys. */
export type Offline =
  { kind: 'authentic'; claims: LicenseClaims } | { kind: 'forged'; problem: string; message: string };

/** The certificate's signature checked in the browser (no server involved); asked once the keys are here. */
export const signatureQuery = (certificate: string, jwks: Jwks | undefined, keysUpdatedAt: number) =>
  queryOptions({
    queryKey: verifyKeys.signature(certificate, keysUpdatedAt),
    enabled: !!certificate && !!jwks,
    queryFn: async (): Promise<Offline> => {
      try {
        return { kind: 'authentic', claims: await verifyCertificate(certificate, jwks!) };
      } catch (error) {
        if (error instanceof CertificateError)
          return { kind: 'forged', problem: error.problem, message: error.message };
        throw error;
      }
    },
  });
