import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@lookbook/kernel';
import type { ApiScope, Authenticator, Role } from './actor';
import { AUTHENTICATOR, credentialFromHeaders, hasRole } from './actor';
import { IS_PUBLIC, REQUIRED_ROLES, REQUIRED_SCOPE, SESSION_ONLY } from './auth.decorators';
import { httpMethodOf, operationKind, requestOf } from './request-of';

const scopeError = (scope: ApiScope) => new ForbiddenError('API_KEY_SCOPE', `This API key lacks the "${scope}" scope`);

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Registered globally (APP_GUARD): every resolver and route is denied to anonymous callers unless marked @Public().
 * A presented credential is always verified, even on public handlers — a bad token is an error, never ignored.
 *
 * API keys are held to one scope per handler, the same way on GraphQL and REST: the handler's @RequireScope; else
 * `admin` for staff handlers (@Roles); else `write` for mutations and non-GET routes and `read` for queries and GET
 * routes. Public handlers take anonymous callers, but a key presented there still needs the scope (it identifies the
 * caller, so it may unlock their private data).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true;
    const request = requestOf(context);
    const credential = credentialFromHeaders(request.headers);
    if (credential && !request.actor) request.actor = await this.authenticator.authenticate(credential);
    const actor = request.actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (!isPublic && !actor) throw new UnauthenticatedError();

    if (actor?.via === 'api-key') {
      if (this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY, targets)) {
        throw new ForbiddenError('SESSION_REQUIRED', 'This operation needs a signed-in session; API keys cannot do it');
      }
      const scope = this.requiredScope(context, targets, !!roles?.length);
      if (!actor.scopes.includes(scope)) throw scopeError(scope);
    }
    if (actor && roles?.length && !hasRole(actor, ...roles)) throw new ForbiddenError();
    return true;
  }

  /** The scope an API key needs for this handler (see the class comment). */
  requiredScope(context: ExecutionContext, targets: Parameters<Reflector['getAllAndOverride']>[1], staff: boolean) {
    const explicit = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets);
    if (explicit) return explicit;
    if (staff) return 'admin';
    const kind = operationKind(context);
    if (kind === 'http') return READ_METHODS.has(httpMethodOf(context)) ? 'read' : 'write';
    return kind === 'Mutation' ? 'write' : 'read';
  }
}
