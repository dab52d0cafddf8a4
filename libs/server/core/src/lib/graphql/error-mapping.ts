import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import type { ErrorCategory } from '@lookbook/kernel';
import { DomainError } from '@lookbook/kernel';
import { ScalarInputError } from './scalars';

const log = new Logger('Errors');

export const HTTP_STATUS: Record<ErrorCategory, number> = {
  BAD_USER_INPUT: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

export interface PublicError {
  code: string;
  message: string;
  status: number;
  details?: Record<string, unknown>;
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|57P01|57P02|57P03|08000|08001|08003|08006/;

/**
 * Database unreachable, restarting or pool exhausted: the caller may retry. Reads `message`/`code` duck-typed and
 * follows `cause`, `driverError` and AggregateError's `errors`, because connection errors are raised by Node's own
 * socket layer and wrapped by pg and TypeORM.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { message, code, cause, driverError, errors } = error as {
    message?: unknown;
    code?: unknown;
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  const text = [message, code].filter((part) => typeof part === 'string' || typeof part === 'number').join(' ');
  if (UNAVAILABLE.test(text)) return true;
  const nested = [cause, driverError, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return nested.some((inner) => isUnavailable(inner, depth + 1));
}

/**
 * The single mapping from thrown errors to what clients see. Domain errors keep their stable code and message;
 * anything unexpected is logged server-side and shown as INTERNAL_SERVER_ERROR with no stack, SQL or paths.
 */
export function toPublicError(error: unknown): PublicError {
  if (error instanceof DomainError) {
    return {
      code: error.code,
      message: error.message,
      status: HTTP_STATUS[error.category],
      details: Object.keys(error.details).length ? { ...error.details } : undefined,
    };
  }
  if (error instanceof HttpException) {
    // Nest's own (a route not found) and Fastify's, which Nest wraps with their status (a body too large while it
    // was read, a content type no parser takes, JSON that does not parse).
    const status = error.getStatus();
    if (status === 413)
      return { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than this address takes', status };
    if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE', message: error.message, status };
    return { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: error.message, status };
  }
  if (isUnavailable(error)) {
    log.warn(`dependency unavailable: ${String((error as { message?: unknown }).message)}`);
    return { code: 'SERVICE_UNAVAILABLE', message: 'Service temporarily unavailable, try again', status: 503 };
  }
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', status: 500 };
}

/** Apollo `formatError`. GraphQL's own parse/validation errors already carry a code and safe messages. */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  let code = formatted.extensions?.['code'];
  // A literal our scalars refuse (a malformed UUID, a fraction for SafeInt) is bad input, like the same variable.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && scalarRefusal(error)) code = 'BAD_USER_INPUT';
  const isGraphqlError = original === error && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
  if (isGraphqlError) return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  const mapped = toPublicError(original);
  return {
    message: mapped.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: mapped.code, ...(mapped.details ?? {}) },
  };
}

function scalarRefusal(error: unknown): boolean {
  for (let inner = error, depth = 0; inner && depth < 4; depth += 1) {
    if (inner instanceof ScalarInputError) return true;
    inner = (inner as { originalError?: unknown }).originalError;
  }
  return false;
}
