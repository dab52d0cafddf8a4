import { Injectable } from '@nestjs/common';
import type { Actor, Authenticator, Credential } from '@lookbook/core';
import { API_SCOPES, Clock } from '@lookbook/core';
import { ApiKeyService } from '../api-keys/api-key.service';
import { IdentityErrors } from '../identity.errors';
import { SessionRepository } from './session.repository';
import { TokenSigner } from './token-signer';

/** Implements core's Authenticator port: access tokens are checked against their live session on every request. */
@Injectable()
export class IdentityAuthenticator implements Authenticator {
  constructor(
    private readonly signer: TokenSigner,
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeyService,
    private readonly clock: Clock,
  ) {}

  async authenticate(credential: Credential): Promise<Actor> {
    if (credential.kind === 'api-key') return this.apiKeys.authenticate(credential.key);
    if (!credential.token) throw IdentityErrors.invalidAccessToken();
    const claims = await this.signer.verifyAccessToken(credential.token);
    const session = await this.sessions.findActive(claims.sessionId, this.clock.now());
    if (!session || session.userId !== claims.userId) throw IdentityErrors.sessionRevoked();
    return {
      userId: session.userId,
      roles: session.roles,
      via: 'session',
      sessionId: session.sessionId,
      scopes: API_SCOPES,
    };
  }
}
