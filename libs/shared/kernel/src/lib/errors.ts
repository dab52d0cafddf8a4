/**
 * Typed domain errors with stable codes. Domains throw these; the API maps them once to GraphQL `extensions.code`
 * (and REST status codes). Messages are safe to show to users: never put secrets, SQL or storage keys in them.
 */
export type ErrorCategory =
  | 'BAD_USER_INPUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export interface ErrorDetails {
  readonly [key: string]: string | number | boolean | readonly string[] | undefined;
}

export class DomainError extends Error {
  constructor(
    /** Stable, machine-readable code, e.g. `HANDLE_TAKEN`. */
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(code, 'BAD_USER_INPUT', message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details: ErrorDetails = {}) {
    super(code, 'CONFLICT', message, details);
  }
}

/** "Not found" and "forbidden" must look the same to a stranger: use this for both when the caller has no right. */
export class NotFoundError extends DomainError {
  constructor(code = 'NOT_FOUND', message = 'Not found', details: ErrorDetails = {}) {
    super(code, 'NOT_FOUND', message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'UNAUTHENTICATED', message = 'Authentication required') {
    super(code, 'UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'FORBIDDEN', message = 'Not allowed') {
    super(code, 'FORBIDDEN', message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', 'RATE_LIMITED', 'Too many attempts, try again later', { retryAfterSeconds });
  }
}

export class UnavailableError extends DomainError {
  constructor(code = 'SERVICE_UNAVAILABLE', message = 'Service temporarily unavailable, try again') {
    super(code, 'UNAVAILABLE', message);
  }
}

/** A request body of a type the route does not take (REST uploads): HTTP 415. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE', message, details);
  }
}

/** A request body over the route's limit: HTTP 413, code `PAYLOAD_TOO_LARGE`, `details.limit` in bytes. */
export class PayloadTooLargeError extends DomainError {
  constructor(limit: number, message = `The request body is over this address's limit of ${sizeOf(limit)}`) {
    super('PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE', message, { limit });
  }
}

const sizeOf = (bytes: number) =>
  bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`;
