import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, resolveAuthSecret } from '@lookbook/core';
import { IdentityErrors } from '../identity.errors';

const ISSUER = 'lookbook';
const AUDIENCE = 'lookbook-api';

export interface AccessClaims {
  userId: string;
  sessionId: string;
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Short-lived access tokens: HS256 JWS naming the user and the session, checked against the session on every use. */
@Injectable()
export class TokenSigner {
  private readonly secret: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.secret = resolveAuthSecret(config);
  }

  async signAccessToken(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const exp = now + this.config.auth.accessTokenTtlSeconds;
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.secret);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verifyAccessToken(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        currentDate: this.clock.now(),
      });
      if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string')
        throw IdentityErrors.invalidAccessToken();
      return { userId: payload.sub, sessionId: payload['sid'] };
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw IdentityErrors.accessTokenExpired();
      throw IdentityErrors.invalidAccessToken();
    }
  }
}
