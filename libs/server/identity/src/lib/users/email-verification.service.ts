import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, Clock, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { IdentityErrors } from '../identity.errors';
import { AccountTokenService } from '../tokens/account-token.service';
import { AccountMails } from './account-mails';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

/** Resends per account: a few an hour is plenty for a mail that is slow to arrive. */
const RESEND_LIMIT = { name: 'verify-email-resend', points: 3, durationSeconds: 3600 };

/** Proving an address: a link mailed at sign-up (and on request), followed once. */
@Injectable()
export class EmailVerificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenService,
    private readonly outbox: MailOutbox,
    private readonly transactions: Transactions,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** Issues a verification link for the user's current address and queues its mail, in the caller's transaction. */
  async sendVerification(manager: EntityManager, user: Pick<UserEntity, 'id' | 'email' | 'handle'>): Promise<void> {
    const issued = await this.tokens.issue(manager, user.id, 'VERIFY_EMAIL', user.email);
    await this.outbox.queue(
      manager,
      AccountMails.verifyEmail(this.mailContext(user.handle), user.email, issued.row.id, issued.token),
    );
  }

  /** A new link (the older one stops working). Refused once verified; rate limited per account. */
  async resend(actor: Actor): Promise<boolean> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    if (user.emailVerifiedAt) throw IdentityErrors.emailAlreadyVerified();
    await this.limiter.consume(RESEND_LIMIT, user.id);
    await this.transactions.run((manager) => this.sendVerification(manager, user));
    return true;
  }

  /**
   * Follows a verification link. Anyone holding it may (it proves the mailbox), but a signed-in user of another
   * account is refused. A link mailed to an address the account no longer has verifies nothing.
   */
  async verify(token: string, actorUserId: string | undefined, ip: string | undefined): Promise<UserEntity> {
    await this.limiter.consume(
      { name: 'account-token-ip', points: this.config.auth.rateLimitPerMinute * 5, durationSeconds: 60 },
      ip ?? 'unknown',
    );
    return this.transactions.run(async (manager) => {
      const used = await this.tokens.use(manager, token, 'VERIFY_EMAIL', actorUserId);
      const verified = await this.users.markEmailVerified(manager, used.userId, used.email, this.clock.now());
      if (!verified) throw IdentityErrors.tokenSuperseded();
      return (await this.users.findByIdForUpdate(manager, used.userId))!;
    });
  }

  mailContext(handle: string) {
    return { baseUrl: this.config.http.canonicalUrl ?? this.config.http.defaultUrl, handle };
  }
}
