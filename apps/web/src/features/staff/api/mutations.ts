import { graphql } from '../../../gql';

export const BlockHash = graphql(`
  mutation BlockHash($sha256: String!, $reason: String!) {
    blockFileHash(sha256: $sha256, reason: $reason)
  }
`);

export const RevokeLicense = graphql(`
  mutation RevokeLicense($id: UUID!, $reason: RevocationReason!, $note: String) {
    revokeLicense(id: $id, reason: $reason, note: $note) {
      id
      status
    }
  }
`);

/** Read while setting roles (who the handle is), as one step of that mutation. */
export const UserByHandle = graphql(`
  query StaffUser($handle: String!) {
    user(handle: $handle) {
      id
      handle
      displayName
    }
  }
`);

export const SetRoles = graphql(`
  mutation SetRoles($userId: UUID!, $roles: [Role!]!) {
    setUserRoles(userId: $userId, roles: $roles) {
      id
    }
  }
`);

export const UpsertBaseModel = graphql(`
  mutation UpsertBaseModel($input: BaseModelInput!) {
    upsertBaseModel(input: $input) {
      id
    }
  }
`);
