import { queryOptions } from '@tanstack/react-query';
import type { verifyCertificate } from '@lookbook/kernel/browser';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { verifyKeys } from './keys';

/** Lookbook's published signing keys. */
export type Jwks = Parameters<typeof verifyCertificate>[1];

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
        subjectId
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
