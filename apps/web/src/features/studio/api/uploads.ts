import { graphql } from '../../../gql';

/** The resumable upload of a model file: create, list the parts already stored, sign part URLs, complete, abort. */
export const CreateUpload = graphql(`
  mutation CreateUpload($versionId: UUID!, $input: CreateUploadInput!) {
    createModelFileUpload(versionId: $versionId, input: $input) {
      file {
        id
      }
      upload {
        id
        partSize
        partCount
      }
    }
  }
`);

export const UploadedParts = graphql(`
  query UploadedParts($uploadId: UUID!) {
    uploadedParts(uploadId: $uploadId) {
      partNumber
      size
    }
  }
`);

export const PartUrls = graphql(`
  mutation PartUrls($uploadId: UUID!, $partNumbers: [Int!]!) {
    requestUploadPartUrls(uploadId: $uploadId, partNumbers: $partNumbers) {
      partNumber
      url
    }
  }
`);

export const CompleteUpload = graphql(`
  mutation CompleteUpload($uploadId: UUID!) {
    completeModelFileUpload(uploadId: $uploadId) {
      id
      scanStatus
    }
  }
`);

export const AbortUpload = graphql(`
  mutation AbortUpload($uploadId: UUID!) {
    abortModelFileUpload(uploadId: $uploadId)
  }
`);
