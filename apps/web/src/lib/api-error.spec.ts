import { ApiError, errorMessage, errorSentence, isRetryable } from './api-error';

describe('errorMessage: one readable sentence for any error', () => {
  it.each([
    [new ApiError('HANDLE_TAKEN', 'That handle is taken'), 'That handle is taken'],
    [new ApiError('NETWORK', 'fetch failed'), 'Lookbook could not be reached. Check your connection and try again.'],
    [
      new ApiError('REMIX_INVALID_SHARE', 'The share passed to the parent is 0–10,000 basis points', {
        field: 'shareBps',
      }),
      'The share to the original is a percentage from 0% to 100%.',
    ],
    [
      new ApiError('TERMS_INVALID_SHARE', "The IP owner's share is 0–5000 basis points", { maxBps: 2500 }),
      "The IP owner's share is a percentage from 0% to 25%.",
    ],
    [
      new ApiError('INVALID_FILE_NAME', 'A file name is …'),
      'Lookbook takes safetensors model files, with a name of 1–200 characters that does not start with a dot or contain folders or control characters.',
    ],
  ])('%s → %s', (error, sentence) => {
    expect(errorMessage(error)).toBe(sentence);
  });

  it('never prints an object, its details or JSON', () => {
    const details = { field: 'fileName', nested: { a: 1 } };
    for (const error of [
      new ApiError('SOMETHING_ODD', '[object Object]', details),
      new ApiError('SOMETHING_ODD', '{"error":"x"}', details),
      new ApiError('SOMETHING_ODD', '', details),
      new Error('Upload failed [object Object]'),
      { message: { nested: true } },
      details,
      null,
      undefined,
      42,
    ]) {
      const sentence = errorMessage(error);
      expect(sentence).not.toMatch(/\[object|[{}]|undefined|null/);
      expect(sentence.length).toBeGreaterThan(10);
    }
  });

  it('keeps a sentence from the client’s own code, but not a browser’s TypeError', () => {
    expect(errorMessage(new Error('The connection to storage dropped. Resume to continue where it stopped.'))).toBe(
      'The connection to storage dropped. Resume to continue where it stopped.',
    );
    expect(errorMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      'Something went wrong on our side. Try again in a moment.',
    );
  });
});

describe('errorSentence: the message as a sentence another can follow', () => {
  it('adds a full stop only where the message has no closing mark', () => {
    expect(errorSentence(new ApiError('TOKEN_USED', 'This link was already used; ask for a new one'))).toBe(
      'This link was already used; ask for a new one.',
    );
    expect(errorSentence(new ApiError('X', 'Done already.'))).toBe('Done already.');
    expect(errorSentence(new ApiError('X', 'Really?'))).toBe('Really?');
  });
});

describe('isRetryable: Try again only where it can help', () => {
  it.each([
    ['NETWORK', true],
    ['RATE_LIMITED', true],
    ['SERVICE_UNAVAILABLE', true],
    ['PAYMENT_PROVIDER_UNAVAILABLE', true],
    ['INTERNAL_SERVER_ERROR', true],
    ['MODEL_NOT_FOUND', false],
    ['NOT_FOUND', false],
    ['INVALID_FILE_NAME', false],
    ['FORBIDDEN', false],
    ['BAD_USER_INPUT', false],
  ])('%s → %s', (code, retryable) => {
    expect(isRetryable(new ApiError(code, 'x'))).toBe(retryable);
  });

  it('retries what is not an API answer (a page chunk that did not load)', () => {
    expect(isRetryable(new Error('Failed to fetch dynamically imported module'))).toBe(true);
  });
});
