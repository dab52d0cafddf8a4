import { MODEL_FILE_FORMATS_TEXT } from '@lookbook/kernel/browser';

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

/** Sentences for codes whose server message is technical, in the wrong units or absent; other codes keep the server's. */
const SENTENCES: Record<string, string> = {
  NETWORK: 'Lookbook could not be reached. Check your connection and try again.',
  UNAUTHENTICATED: 'Please sign in to continue.',
  FORBIDDEN: 'Your account is not allowed to do this.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
  SERVICE_UNAVAILABLE: 'Lookbook is briefly unavailable. Try again in a moment.',
  GRAPHQL_VALIDATION_FAILED: 'This page asked the server for something it does not understand. Reload the page.',
  BAD_USER_INPUT: 'Some of what you entered is not valid.',
  PAYLOAD_TOO_LARGE: 'That is too large to send. Choose a smaller file.',
  // Shares are entered in percent; the API counts basis points.
  REMIX_INVALID_SHARE: 'The share to the original is a percentage from 0% to 100%.',
  LINEAGE_INVALID_SHARES: 'The shares to the originals must be above 0% and add up to at most 100%.',
  INVALID_FILE_NAME: `Lookbook takes ${MODEL_FILE_FORMATS_TEXT} model files, with a name of 1–200 characters that does not start with a dot or contain folders or control characters.`,
};

/** Sentences built from the error's details (a limit in basis points said in percent). */
const DETAILED: Record<string, (details: Readonly<Record<string, unknown>>) => string | null> = {
  TERMS_INVALID_SHARE: (d) =>
    typeof d['maxBps'] === 'number'
      ? `The IP owner's share is a percentage from 0% to ${d['maxBps'] / 100}%.`
      : "The IP owner's share is a percentage from 0% to 50%.",
};

// A message that is not a sentence for people: a stringified object, a stack, a code, JSON.
const UNREADABLE = /\[object \w+\]|^\s*[[{]|^\s*at\s|^[A-Z0-9_]+$/;

/**
 * What to tell a person about an error, as one plain sentence: the one path every page uses. A typed API error says
 * its sentence (ours for codes whose server message is not for people, else the server's); an error from the client's
 * own code keeps its message when that is a sentence; anything else — or anything that would print as
 * "[object Object]" — becomes a general sentence. Objects and `details` are never stringified.
 */
/** `errorMessage` ending in a full stop, for a notice that goes on with another sentence or a link. */
export function errorSentence(error: unknown): string {
  const message = errorMessage(error);
  return /[.!?…]$/.test(message) ? message : `${message}.`;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const sentence = SENTENCES[error.code] ?? DETAILED[error.code]?.(error.details);
    if (sentence) return sentence;
    if (error.message && !UNREADABLE.test(error.message)) return error.message;
    return SENTENCES['INTERNAL_SERVER_ERROR']!;
  }
  if (error instanceof Error && error.message && !UNREADABLE.test(error.message) && error.name !== 'TypeError')
    return error.message;
  if (typeof error === 'string' && error && !UNREADABLE.test(error)) return error;
  return SENTENCES['INTERNAL_SERVER_ERROR']!;
}

/** The error's code, or null when it is not an API error. */
export const errorCode = (error: unknown): string | null => (error instanceof ApiError ? error.code : null);

// Failures that may pass by themselves: the connection, the server's load, a moment's outage.
const TRANSIENT = new Set([
  'NETWORK',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'ACCESS_TOKEN_EXPIRED',
]);

/**
 * Whether trying the same thing again can help: yes for the connection, overload and outages (and unknown client
 * failures, like a page chunk that did not load); no for a typed answer about the thing itself — not found, refused,
 * invalid, forbidden — which a retry would only repeat. Offer "Try again" only when this is true.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return TRANSIENT.has(error.code) || error.code.endsWith('_UNAVAILABLE');
  return true;
}

/** What was asked for does not exist (or is not for this viewer): `NOT_FOUND`, `MODEL_NOT_FOUND`, … — permanent. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code.endsWith('_NOT_FOUND'));
