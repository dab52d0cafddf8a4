import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor, AppConfig, ClientInfo, Role } from '@lookbook/core';
import { APP_CONFIG, Clock, RateLimiter, Transactions } from '@lookbook/core';
import type { MaturityLevel } from '@lookbook/kernel';
import { codePoints, DEFAULT_MAX_MATURITY, MATURITY_LEVELS, newId, oneLine } from '@lookbook/kernel';
import type { UserEntity } from './user.entity';
import { IdentityErrors } from '../identity.errors';
import { PasswordHasher } from './password-hasher';
import type { IssuedSession } from '../sessions/session.service';
import { SessionService } from '../sessions/session.service';
import { EmailVerificationService } from './email-verification.service';
import { CURRENT_TERMS_VERSION } from './terms';
import { UserRepository } from './user.repository';

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9_-]{2,29}$/;
/** Handles that would impersonate the platform or collide with routes. */
const RESERVED_HANDLES = new Set([
  'admin',
  'administrator',
  'api',
  'graphql',
  'lookbook',
  'support',
  'help',
  'me',
  'settings',
  'login',
  'signin',
  'signup',
  'logout',
  'moderator',
  'mod',
  'system',
  'root',
  'staff',
  'security',
  'official',
  'null',
  'undefined',
  'www',
  'static',
  'assets',
  'healthz',
  'readyz',
  'metrics',
  'webhooks',
]);
const EMAIL = z.email().max(254);

export interface SignUpInput {
  handle: string;
  email: string;
  password: string;
  displayName?: string | null;
  /** The terms of service and privacy notice: an account is only made when they are accepted. */
  acceptTerms?: boolean | null;
}

@Injectable()
export class AccountService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly verification: EmailVerificationService,
  ) {}

  /**
   * Validates everything before hashing (cheap checks first), then in one transaction creates the user, records the
   * accepted terms and queues the verification mail; then signs them in.
   */
  async signUp(input: SignUpInput, client: ClientInfo): Promise<IssuedSession> {
    await this.limiter.consume(
      { name: 'sign-up-ip', points: this.config.auth.rateLimitPerMinute, durationSeconds: 60 },
      client.ip,
    );
    if (input.acceptTerms !== true) throw IdentityErrors.termsNotAccepted(CURRENT_TERMS_VERSION);
    const handle = input.handle.trim();
    const email = input.email.trim();
    const displayName = oneLine(input.displayName ?? handle, 'displayName');
    if (!HANDLE.test(handle)) throw IdentityErrors.invalidHandle();
    if (RESERVED_HANDLES.has(handle.toLowerCase())) throw IdentityErrors.reservedHandle();
    if (!EMAIL.safeParse(email).success) throw IdentityErrors.invalidEmail();
    if (displayName.length < 1 || codePoints(displayName) > 80) throw IdentityErrors.invalidDisplayName();
    await this.hasher.assertAcceptable(input.password, [handle, email, displayName, 'lookbook']);

    const now = this.clock.now();
    const user: UserEntity = {
      id: newId(),
      handle,
      email,
      displayName,
      passwordHash: await this.hasher.hash(input.password),
      roles: [],
      maxMaturity: DEFAULT_MAX_MATURITY,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
      emailVerifiedAt: null,
    };
    await this.transactions.run(async (manager) => {
      await this.users.insert(user, manager);
      await this.users.recordTermsAcceptance(manager, {
        userId: user.id,
        version: CURRENT_TERMS_VERSION,
        acceptedAt: now,
        ip: client.ip || null,
      });
      await this.verification.sendVerification(manager, user);
    });
    return this.sessions.issue(user, client);
  }

  async me(actor: Actor): Promise<UserEntity> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    return user;
  }

  async profile(handle: string): Promise<UserEntity> {
    const user = HANDLE.test(handle) ? await this.users.findByHandle(handle) : null;
    if (!user) throw IdentityErrors.userNotFound();
    return user;
  }

  /** Needs the current password; ends every other session, so a thief holding one is signed out. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<UserEntity> {
    await this.limiter.consume(
      { name: 'change-password', points: this.config.auth.rateLimitPerMinute, durationSeconds: 60 },
      actor.userId,
    );
    const user = await this.me(actor);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw IdentityErrors.wrongCurrentPassword();
    await this.hasher.assertAcceptable(newPassword, [user.handle, user.email, user.displayName, currentPassword]);
    const now = this.clock.now();
    await this.users.updatePassword(user.id, await this.hasher.hash(newPassword), now);
    await this.sessions.revokeOtherSessions(actor, 'password-changed');
    return (await this.users.findById(user.id))!;
  }

  /** The viewer's maturity setting: search shows every level up to it unless a search asks otherwise. */
  async setMaxMaturity(actor: Actor, maxMaturity: MaturityLevel): Promise<UserEntity> {
    if (!(MATURITY_LEVELS as readonly string[]).includes(maxMaturity)) throw IdentityErrors.invalidMaturity();
    await this.users.setMaxMaturity(actor.userId, maxMaturity, this.clock.now());
    return this.me(actor);
  }

  async setRoles(userId: string, roles: Role[]): Promise<UserEntity> {
    if (!(await this.users.setRoles(userId, [...new Set(roles)].sort(), this.clock.now()))) {
      throw IdentityErrors.userNotFound();
    }
    return (await this.users.findById(userId))!;
  }
}
