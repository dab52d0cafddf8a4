import { graphql } from '../../../gql';

export const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`);

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
    }
  }
`);

export const RevokeSession = graphql(`
  mutation RevokeSession($id: UUID!) {
    revokeSession(id: $id)
  }
`);

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
      }
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: UUID!) {
    revokeApiKey(id: $id) {
      id
    }
  }
`);

export const ChangePassword = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      id
    }
  }
`);

export const SetMaturity = graphql(`
  mutation SetMaturityPreference($maxMaturity: Maturity!) {
    setMaturityPreference(maxMaturity: $maxMaturity) {
      id
      maxMaturity
    }
  }
`);

export const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
    }
  }
`);

export const ClearProfileImage = graphql(`
  mutation ClearProfileImage($slot: ProfileImageSlot!) {
    clearProfileImage(slot: $slot) {
      id
    }
  }
`);

export const BlockUser = graphql(`
  mutation BlockUser($userId: UUID!) {
    blockUser(userId: $userId) {
      blocked
    }
  }
`);

export const UnblockUser = graphql(`
  mutation UnblockUser($userId: UUID!) {
    unblockUser(userId: $userId) {
      blocked
    }
  }
`);
