import { queryOptions } from '@tanstack/react-query';
import type { LicenseClaims } from '@lookbook/kernel/browser';
import { CertificateError, verifyCertificate } from '@lookbook/kernel/browser';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { verifyKeys } from './keys';

/** Lookbook's published signing keys. */
type Jwks = Parameters<typeof verifyCertificate>[1];

/** What the signature says, checked here against the published keys. */
export type Offline =
  { kind: 'authentic'; claims: LicenseClaims } | { kind: 'forged'; problem: string; message: string };

/** The keys certificates are checked against, as Lookbook publishes them. */
export const jwksQuery = () =>
  queryOptions({
    queryKey: verifyKeys.jwks(),
    queryFn: async () => {
      const response = await fetch('/.well-known/jwks.json');
      if (!response.ok) throw new Error('jwks');
      return (await response.json()) as Jwks;
    },
    staleTime: 5 * 60_000,
  });

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

const VerifyOnline = graphql(`
  query VerifyLicense($certificate: String!) {
    verifyLicense(certificate: $certificate) {
      valid
      status
      problem
      message
      license {
        id
        tier
        status
        resourceName
        modelId
        issuedAt
        revokedAt
        revocationReason
        termsText
        fileSha256s
        licensee {
          handle
          displayName
        }
        permissions {
          commercialUse
          derivativesAllowed
          creditRequired
          creditLine
          seats
        }
      }
    }
  }
`);

/** Whether Lookbook still holds the licence active (asked only for an authentic certificate). */
export const onlineCheckQuery = (certificate: string) =>
  queryOptions({ queryKey: verifyKeys.online(certificate), queryFn: () => execute(VerifyOnline, { certificate }) });
