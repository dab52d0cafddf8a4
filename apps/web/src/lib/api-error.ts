/**
 * A failed API call: the server's stable code (e.g. `HANDLE_TAKEN`), its plain message, and its details (`field`
 * names the input it is about; `tier` the licence offer, …).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get field(): string | undefined {
    return typeof this.details['field'] === 'string' ? this.details['field'] : undefined;
  }
}

/** Sentences for codes whose server message is technical or absent; other codes keep the server's own sentence. */
const SENTENCES: Record<string, string> = {
  NETWORK: 'Lookbook could not be reached. Check your connection and try again.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  FORBIDDEN: 'Your account is not allowed to do this.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
  SERVICE_UNAVAILABLE: 'Lookbook is briefly unavailable. Try again in a moment.',
  GRAPHQL_VALIDATION_FAILED: 'This page asked the server for something it does not understand. Reload the page.',
  BAD_USER_INPUT: 'Some of what you entered is not valid.',
};

/** What to tell a person about an error, as one plain sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return SENTENCES[error.code] ?? error.message;
  return SENTENCES['INTERNAL_SERVER_ERROR']!;
}

/** The error's code, or null when it is not an API error. */
export const errorCode = (error: unknown): string | null => (error instanceof ApiError ? error.code : null);

/** Codes a retry can fix: the network, the server's own trouble, a rate limit. */
const TRANSIENT = new Set(['NETWORK', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMITED']);

/** What was asked for does not exist (or is not for this viewer): `NOT_FOUND`, `MODEL_NOT_FOUND`, … — permanent. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code.endsWith('_NOT_FOUND'));

/** Whether "Try again" can help: only for transient failures (and errors that are not the API's, e.g. a chunk load). */
export const isTransient = (error: unknown): boolean => !(error instanceof ApiError) || TRANSIENT.has(error.code);
