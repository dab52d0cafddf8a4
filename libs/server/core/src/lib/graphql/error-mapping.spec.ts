import { ConsoleLogger, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { NotFoundError, RateLimitedError, ValidationError } from '@lookbook/kernel';
import { formatGraphqlError, isUnavailable, toPublicError } from './error-mapping';

describe('error mapping', () => {
  // The unexpected-error path logs on purpose; keep the test output clean.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(new ConsoleLogger());
  });

  it('keeps domain codes, messages and details', () => {
    expect(toPublicError(new ValidationError('INVALID_HANDLE', 'bad handle'))).toEqual({
      code: 'INVALID_HANDLE',
      message: 'bad handle',
      status: 400,
      details: undefined,
    });
    expect(toPublicError(new RateLimitedError(7))).toMatchObject({ status: 429, details: { retryAfterSeconds: 7 } });
    expect(toPublicError(new NotFoundError()).status).toBe(404);
  });

  it('hides anything unexpected behind INTERNAL_SERVER_ERROR', () => {
    const leaky = new Error('duplicate key value violates "user_email_key" in SELECT * FROM identity.user');
    expect(toPublicError(leaky)).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
      status: 500,
    });
  });

  it('recognises an unreachable database however the error is wrapped', () => {
    expect(isUnavailable({ code: 'ECONNREFUSED', message: '' })).toBe(true);
    expect(isUnavailable(new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
    expect(isUnavailable({ driverError: { code: '57P01' } })).toBe(true);
    expect(isUnavailable(new AggregateError([{ code: 'ECONNREFUSED' }]))).toBe(true);
    expect(isUnavailable(new Error('syntax error at or near'))).toBe(false);
    expect(toPublicError({ code: 'ECONNRESET' }).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('formats resolver errors with a code and no stack', () => {
    const original = new ValidationError('X', 'nope', { field: 'handle' });
    const wrapped = new GraphQLError('nope', { originalError: original, path: ['signUp'] });
    const formatted = formatGraphqlError(
      { message: 'nope', path: ['signUp'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      wrapped,
    );
    expect(formatted).toEqual({
      message: 'nope',
      path: ['signUp'],
      locations: undefined,
      extensions: { code: 'X', field: 'handle' },
    });
  });
});
