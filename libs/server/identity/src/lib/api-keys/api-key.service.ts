import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor, ApiScope, ConnectionArgs, Page } from '@lookbook/core';
import { API_KEY_PREFIX, API_SCOPES, Clock, isStaff } from '@lookbook/core';
import { codePoints, newId, oneLine } from '@lookbook/kernel';
import { ApiKeyRepository } from './api-key.repository';
import type { ApiKeyEntity } from './api-key.entity';
import { IdentityErrors } from '../identity.errors';
import { randomToken, safeEqual, sha256 } from '../sessions/token-signer';

export const MAX_ACTIVE_API_KEYS = 25;
const PREFIX_LENGTH = 12; // hex

export interface CreateApiKeyInput {
  name: string;
  scopes: ApiScope[];
  expiresInDays?: number | null;
}

/**
 * API keys for tools: `lbk_<12 hex lookup prefix>_<256-bit secret>`. The secret is returned once at creation and only
 * its SHA-256 is stored; lists show the prefix so users can tell keys apart.
 */
@Injectable()
export class ApiKeyService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, input: CreateApiKeyInput): Promise<{ key: ApiKeyEntity; secret: string }> {
    const name = oneLine(input.name, 'name');
    if (name.length < 1 || codePoints(name) > 80) throw IdentityErrors.invalidApiKeyName();
    const scopes = [...new Set(input.scopes)].filter((s) => API_SCOPES.includes(s));
    if (scopes.length === 0 || scopes.length !== new Set(input.scopes).size) throw IdentityErrors.invalidApiKeyScopes();
    if (scopes.includes('admin') && !isStaff(actor)) throw IdentityErrors.adminScopeForStaffOnly();
    const days = input.expiresInDays;
    if (days !== undefined && days !== null && (!Number.isInteger(days) || days < 1 || days > 365)) {
      throw IdentityErrors.invalidExpiry();
    }
    const now = this.clock.now();
    if ((await this.keys.countActive(actor.userId, now)) >= MAX_ACTIVE_API_KEYS) {
      throw IdentityErrors.tooManyApiKeys(MAX_ACTIVE_API_KEYS);
    }
    const prefix = randomBytes(PREFIX_LENGTH / 2).toString('hex');
    const secret = randomToken(32);
    const key: ApiKeyEntity = {
      id: newId(),
      userId: actor.userId,
      name,
      prefix,
      secretHash: sha256(secret),
      scopes: API_SCOPES.filter((s) => scopes.includes(s)),
      createdAt: now,
      lastUsedAt: null,
      expiresAt: days ? new Date(now.getTime() + days * 86_400_000) : null,
      revokedAt: null,
    };
    await this.keys.insert(key);
    return { key, secret: `${API_KEY_PREFIX}${prefix}_${secret}` };
  }

  async authenticate(presented: string): Promise<Actor> {
    const body = presented.startsWith(API_KEY_PREFIX) ? presented.slice(API_KEY_PREFIX.length) : '';
    const prefix = body.slice(0, PREFIX_LENGTH);
    const secret = body.slice(PREFIX_LENGTH + 1);
    if (!/^[0-9a-f]{12}$/.test(prefix) || body[PREFIX_LENGTH] !== '_' || !/^[A-Za-z0-9_-]{43}$/.test(secret)) {
      throw IdentityErrors.invalidApiKey();
    }
    const found = await this.keys.findByPrefixWithOwner(prefix);
    if (!found || !safeEqual(found.key.secretHash, sha256(secret))) throw IdentityErrors.invalidApiKey();
    const now = this.clock.now();
    if (found.key.revokedAt || (found.key.expiresAt && found.key.expiresAt <= now))
      throw IdentityErrors.apiKeyRevoked();
    await this.keys.touchLastUsed(found.key.id, now);
    return {
      userId: found.key.userId,
      roles: found.roles,
      via: 'api-key',
      apiKeyId: found.key.id,
      scopes: found.key.scopes,
    };
  }

  async revoke(actor: Actor, id: string): Promise<ApiKeyEntity> {
    const key = await this.keys.revoke(id, actor.userId, this.clock.now());
    if (!key) throw IdentityErrors.apiKeyNotFound();
    return key;
  }

  list<T>(actor: Actor, args: ConnectionArgs, map: (k: ApiKeyEntity) => T): Promise<Page<T>> {
    return this.keys.listForUser(actor.userId, args, map);
  }
}
