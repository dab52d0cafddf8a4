import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@lookbook/kernel';
import type { ApiScope, Authenticator, Role } from './actor';
import { AUTHENTICATOR, credentialFromHeaders } from './actor';
import { IS_PUBLIC, REQUIRED_ROLES, REQUIRED_SCOPE, SESSION_ONLY } from './auth.decorators';
import { operationKind, requestOf } from './request-of';

const scopeError = (scope: ApiScope) => new ForbiddenError('API_KEY_SCOPE', `This API key lacks the "${scope}" scope`);

/**
 * Registered globally (APP_GUARD): every resolver and route is denied to anonymous callers unless marked @Public().
 * A presented credential is always verified, even on public handlers — a bad token is an error, never ignored.
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
    const explicitScope = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, targets);
    if (isPublic) {
      // Anonymous is fine here, but a key that is presented must still carry an explicitly required scope.
      if (actor?.via === 'api-key' && explicitScope && !actor.scopes.includes(explicitScope))
        throw scopeError(explicitScope);
      return true;
    }
    if (!actor) throw new UnauthenticatedError();

    if (actor.via === 'api-key') {
      if (this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY, targets)) {
        throw new ForbiddenError('SESSION_REQUIRED', 'This operation needs a signed-in session; API keys cannot do it');
      }
      const scope = explicitScope ?? (operationKind(context) === 'Mutation' ? 'write' : 'read');
      if (!actor.scopes.includes(scope)) throw scopeError(scope);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((role) => actor.roles.includes(role))) throw new ForbiddenError();
    return true;
  }
}
