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

export const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
      email
      emailVerified
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

export const ResendVerificationEmail = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);

export const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPassword = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export const RequestEmailChange = graphql(`
  mutation RequestEmailChange($input: RequestEmailChangeInput!) {
    requestEmailChange(input: $input)
  }
`);

export const ConfirmEmailChange = graphql(`
  mutation ConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token) {
      id
      email
      emailVerified
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
