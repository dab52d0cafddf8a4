import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toPublicError } from '../graphql/error-mapping';

/**
 * REST routes answer errors as `{ "error": { "code", "message" } }` with the status of the error's category (and
 * `/graphql`, refused before GraphQL ran, as `{ "errors": [{ "message", "extensions": { "code" } }] }`).
 * GraphQL errors are rethrown for Apollo's formatError, which applies the same mapping.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    // Rethrown, never returned: a returned value would become the field's result.
    if (host.getType<string>() === 'graphql') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const error = toPublicError(exception);
    if (error.code === 'RATE_LIMITED' && typeof error.details?.['retryAfterSeconds'] === 'number') {
      void reply.header('retry-after', String(error.details['retryAfterSeconds']));
    }
    // Refused at the HTTP layer before GraphQL ran (a body too large, JSON that does not parse): still a GraphQL
    // answer at /graphql, so GraphQL clients read the code where they read every other one.
    if (request.url.split('?')[0] === '/graphql') {
      return reply.status(error.status).send({
        errors: [{ message: error.message, extensions: { code: error.code, ...(error.details ?? {}) } }],
      });
    }
    return reply.status(error.status).send({
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    });
  }
}
