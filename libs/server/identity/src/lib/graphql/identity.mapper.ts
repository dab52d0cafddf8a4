import type { ApiKeyEntity } from '../api-keys/api-key.entity';
import type { SessionEntity } from '../sessions/session.entity';
import type { UserEntity } from '../users/user.entity';
import type { IssuedSession } from '../sessions/session.service';
import { ApiKey, AuthPayload, Me, Session, User } from './identity.objects';
import { API_KEY_PREFIX } from '@lookbook/core';

export function toUser(user: UserEntity): User {
  return Object.assign(new User(), {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    createdAt: user.createdAt,
  });
}

export function toMe(user: UserEntity): Me {
  return Object.assign(new Me(), {
    id: user.id,
    handle: user.handle,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    maxMaturity: user.maxMaturity,
    createdAt: user.createdAt,
    emailVerified: user.emailVerifiedAt !== null,
  });
}

export function toAuthPayload(issued: IssuedSession): AuthPayload {
  return Object.assign(new AuthPayload(), {
    accessToken: issued.accessToken,
    accessTokenExpiresAt: issued.accessTokenExpiresAt,
    refreshToken: issued.refreshToken,
    refreshTokenExpiresAt: issued.refreshTokenExpiresAt,
    user: toMe(issued.user),
  });
}

export function toSession(session: SessionEntity, currentSessionId: string | undefined): Session {
  return Object.assign(new Session(), {
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.expiresAt,
    userAgent: session.userAgent,
    current: session.id === currentSessionId,
  });
}

export function toApiKey(key: ApiKeyEntity): ApiKey {
  return Object.assign(new ApiKey(), {
    id: key.id,
    name: key.name,
    displayPrefix: `${API_KEY_PREFIX}${key.prefix}`,
    scopes: key.scopes,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    expiresAt: key.expiresAt,
    revokedAt: key.revokedAt,
  });
}
