import type { ExecutionContext } from '@nestjs/common';
import { SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Actor, ApiScope, Role } from './actor';
import { requestOf } from './request-of';

export const IS_PUBLIC = 'lookbook:public';
export const REQUIRED_ROLES = 'lookbook:roles';
export const REQUIRED_SCOPE = 'lookbook:scope';
export const SESSION_ONLY = 'lookbook:session-only';

/** Reachable without credentials. Everything else is denied to anonymous callers by the global AuthGuard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Needs one of these roles (admin, moderator). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The scope an API key needs; defaults to `read` for queries and `write` for mutations. */
export const RequireScope = (scope: ApiScope) => SetMetadata(REQUIRED_SCOPE, scope);

/** Only an interactive session may do this (credential management); API keys are refused. */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);

/** The authenticated caller; `undefined` only on @Public handlers called anonymously. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor | undefined => requestOf(context).actor,
);

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

/** Caller's address and user agent, recorded on sessions. */
export const Client = createParamDecorator((_: unknown, context: ExecutionContext): ClientInfo => {
  const request = requestOf(context);
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 400) : null };
});
