export const ROLES = ['admin', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an API key may do. Keys never manage credentials (sessions, passwords, other keys). `admin` is for staff tools
 * (moderators and admins only) and is the only scope that reaches staff operations.
 */
export const API_SCOPES = ['read', 'write', 'download', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Moderators and admins: support and moderation work. */
export function isStaff(actor: Pick<Actor, 'roles'> | undefined): boolean {
  return !!actor && (actor.roles.includes('moderator') || actor.roles.includes('admin'));
}

export function hasRole(actor: Pick<Actor, 'roles'> | undefined, ...roles: Role[]): boolean {
  return !!actor && roles.some((role) => actor.roles.includes(role));
}

/** The authenticated caller of a request. */
export interface Actor {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly via: 'session' | 'api-key';
  readonly sessionId?: string;
  readonly apiKeyId?: string;
  /** For sessions: every scope. For API keys: the key's scopes. */
  readonly scopes: readonly ApiScope[];
}

export type Credential = { kind: 'access-token'; token: string } | { kind: 'api-key'; key: string };

/** Port implemented by the identity domain: turns a presented credential into an Actor, or throws UnauthenticatedError. */
export interface Authenticator {
  authenticate(credential: Credential): Promise<Actor>;
}
export const AUTHENTICATOR = Symbol('AUTHENTICATOR');

/** API keys are recognisable by prefix, so one Authorization header carries either kind. */
export const API_KEY_PREFIX = 'lbk_';

export function credentialFromHeaders(headers: Record<string, string | string[] | undefined>): Credential | undefined {
  const header = headers['authorization'];
  const apiKeyHeader = headers['x-api-key'];
  if (typeof apiKeyHeader === 'string' && apiKeyHeader) return { kind: 'api-key', key: apiKeyHeader.trim() };
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return { kind: 'access-token', token: '' }; // malformed header: rejected, never ignored
  const token = match[1]!;
  return token.startsWith(API_KEY_PREFIX) ? { kind: 'api-key', key: token } : { kind: 'access-token', token };
}
