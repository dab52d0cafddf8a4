import { graphql } from '../../../gql';

/** A signed link to one file, after the licence check. */
export const RequestDownload = graphql(`
  mutation RequestDownload($fileId: UUID!) {
    requestModelFileDownload(fileId: $fileId) {
      url
      fileName
      sha256
      sizeBytes
    }
  }
`);

/** A free licence, claimed (no order, no payment). */
export const ClaimFree = graphql(`
  mutation ClaimFree($versionId: UUID!) {
    claimFreeLicense(versionId: $versionId) {
      id
    }
  }
`);
