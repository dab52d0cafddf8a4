import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@lookbook/kernel';

/** Stable codes of the identity domain. */
export const IdentityErrors = {
  handleTaken: () => new ConflictError('HANDLE_TAKEN', 'That handle is already taken'),
  emailTaken: () => new ConflictError('EMAIL_TAKEN', 'An account with that email already exists'),
  invalidHandle: () =>
    new ValidationError(
      'INVALID_HANDLE',
      'A handle is 3–30 characters: letters, digits, "_" or "-", starting with a letter or digit',
    ),
  reservedHandle: () => new ValidationError('HANDLE_RESERVED', 'That handle is reserved'),
  invalidEmail: () => new ValidationError('INVALID_EMAIL', 'That is not a valid email address'),
  invalidMaturity: () =>
    new ValidationError('INVALID_MATURITY', 'Maturity is one of SFW, SUGGESTIVE, MATURE or EXPLICIT', {
      field: 'maxMaturity',
    }),
  invalidDisplayName: () => new ValidationError('INVALID_DISPLAY_NAME', 'A display name is 1–80 characters'),
  passwordTooShort: (min: number) =>
    new ValidationError('PASSWORD_TOO_SHORT', `A password needs at least ${min} characters`, { min }),
  passwordTooLong: (max: number) =>
    new ValidationError('PASSWORD_TOO_LONG', `A password can have at most ${max} characters`, { max }),
  passwordTooWeak: (hint: string) =>
    new ValidationError('PASSWORD_TOO_WEAK', `That password is too easy to guess. ${hint}`.trim()),
  /** Same error for unknown account and wrong password, so sign-in does not reveal which accounts exist. */
  invalidCredentials: () => new UnauthenticatedError('INVALID_CREDENTIALS', 'Wrong email/handle or password'),
  wrongCurrentPassword: () => new ValidationError('WRONG_PASSWORD', 'The current password is not correct'),
  invalidAccessToken: () => new UnauthenticatedError('INVALID_TOKEN', 'The access token is not valid'),
  accessTokenExpired: () =>
    new UnauthenticatedError('ACCESS_TOKEN_EXPIRED', 'The access token has expired; refresh it'),
  sessionRevoked: () => new UnauthenticatedError('SESSION_REVOKED', 'This session has ended; sign in again'),
  invalidRefreshToken: () => new UnauthenticatedError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid'),
  refreshTokenExpired: () =>
    new UnauthenticatedError('REFRESH_TOKEN_EXPIRED', 'The refresh token has expired; sign in again'),
  refreshTokenReused: () =>
    new UnauthenticatedError(
      'REFRESH_TOKEN_REUSED',
      'This refresh token was already used; the session has been ended for safety. Sign in again',
    ),
  invalidApiKey: () => new UnauthenticatedError('INVALID_API_KEY', 'The API key is not valid'),
  apiKeyRevoked: () => new UnauthenticatedError('API_KEY_REVOKED', 'The API key has been revoked or has expired'),
  invalidApiKeyName: () => new ValidationError('INVALID_API_KEY_NAME', 'An API key name is 1–80 characters'),
  invalidApiKeyScopes: () => new ValidationError('INVALID_API_KEY_SCOPES', 'Choose at least one scope'),
  adminScopeForStaffOnly: () =>
    new ForbiddenError('ADMIN_SCOPE_FORBIDDEN', 'Only moderators and admins can create keys with the admin scope'),
  invalidExpiry: () => new ValidationError('INVALID_EXPIRY', 'Expiry must be between 1 and 365 days'),
  tooManyApiKeys: (max: number) =>
    new ValidationError('TOO_MANY_API_KEYS', `You can have at most ${max} active API keys`, { max }),
  sessionNotFound: () => new NotFoundError('SESSION_NOT_FOUND', 'Session not found'),
  apiKeyNotFound: () => new NotFoundError('API_KEY_NOT_FOUND', 'API key not found'),
  userNotFound: () => new NotFoundError('USER_NOT_FOUND', 'User not found'),
  termsNotAccepted: (version: string) =>
    new ValidationError('TERMS_NOT_ACCEPTED', 'Accept the terms of service to create an account', {
      field: 'acceptTerms',
      version,
    }),
  emailAlreadyVerified: () => new ConflictError('EMAIL_ALREADY_VERIFIED', 'Your email address is already verified'),
  sameEmail: () => new ValidationError('SAME_EMAIL', 'That is already your email address', { field: 'newEmail' }),
  // One-time links (verify, reset, change of email). They can say why, since only the holder of the link sees it.
  tokenInvalid: () => new ValidationError('TOKEN_INVALID', 'This link is not valid; ask for a new one'),
  tokenExpired: () => new ValidationError('TOKEN_EXPIRED', 'This link has expired; ask for a new one'),
  tokenUsed: () => new ValidationError('TOKEN_USED', 'This link was already used; ask for a new one if you need it'),
  tokenSuperseded: () =>
    new ValidationError('TOKEN_SUPERSEDED', 'A newer link was sent after this one; use the latest mail'),
  tokenWrongPurpose: () => new ValidationError('TOKEN_WRONG_PURPOSE', 'This link is for something else'),
  tokenOtherAccount: () =>
    new ForbiddenError(
      'TOKEN_OTHER_ACCOUNT',
      'This link belongs to another account; sign out, or sign in to that account, to use it',
    ),
};
