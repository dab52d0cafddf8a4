import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toPublicError } from '../graphql/error-mapping';

/**
 * REST routes answer errors as `{ "error": { "code", "message" } }` with the status of the error's category.
 * GraphQL errors are rethrown for Apollo's formatError, which applies the same mapping.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    // Rethrown, never returned: a returned value would become the field's result.
    if (host.getType<string>() === 'graphql') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = toPublicError(exception);
    if (error.code === 'RATE_LIMITED' && typeof error.details?.['retryAfterSeconds'] === 'number') {
      void reply.header('retry-after', String(error.details['retryAfterSeconds']));
    }
    return reply.status(error.status).send({
      error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    });
  }
}
