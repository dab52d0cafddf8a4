import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Actor, AppConfig } from '@lookbook/core';
import { APP_CONFIG, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { IdentityErrors } from '../identity.errors';
import { AccountTokenService } from '../tokens/account-token.service';
import { AccountMails } from './account-mails';
import { PasswordHasher } from './password-hasher';
import type { UserEntity } from './user.entity';
import { UserRepository } from './user.repository';

const EMAIL = z.email().max(254);
const REQUEST_LIMIT = { name: 'email-change', points: 5, durationSeconds: 3600 };

/**
 * A change of address, confirmed by both: the old address is told at once, the new one gets the link that makes the
 * change. Until the link is followed nothing changes; following it also proves (verifies) the new address.
 */
@Injectable()
export class EmailChangeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccountTokenService,
    private readonly outbox: MailOutbox,
    private readonly transactions: Transactions,
    private readonly limiter: RateLimiter,
  ) {}

  async request(actor: Actor, newEmailInput: string, currentPassword: string): Promise<boolean> {
    await this.limiter.consume(REQUEST_LIMIT, actor.userId);
    const user = await this.users.findById(actor.userId);
    if (!user) throw IdentityErrors.userNotFound();
    const newEmail = newEmailInput.trim();
    if (!EMAIL.safeParse(newEmail).success) throw IdentityErrors.invalidEmail();
    if (newEmail.toLowerCase() === user.email.toLowerCase()) throw IdentityErrors.sameEmail();
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw IdentityErrors.wrongCurrentPassword();
    const taken = await this.users.findByLogin(newEmail);
    if (taken) throw IdentityErrors.emailTaken();
    const context = this.context(user);
    await this.transactions.run(async (manager) => {
      const issued = await this.tokens.issue(manager, user.id, 'CHANGE_EMAIL', newEmail);
      await this.outbox.queue(manager, AccountMails.confirmNewEmail(context, newEmail, issued.row.id, issued.token));
      await this.outbox.queue(manager, AccountMails.emailChangeRequested(context, user.email, issued.row.id, newEmail));
    });
    return true;
  }

  /** Follows the link sent to the new address: the address changes (verified), and the old one is told. */
  async confirm(token: string, actorUserId: string | undefined): Promise<UserEntity> {
    return this.transactions.run(async (manager) => {
      const used = await this.tokens.use(manager, token, 'CHANGE_EMAIL', actorUserId);
      const user = await this.users.findByIdForUpdate(manager, used.userId);
      if (!user) throw IdentityErrors.tokenInvalid();
      await this.users.changeEmail(manager, user.id, used.email, used.usedAt!);
      // Links mailed to the old address (verification, reset) must not act on the account any more.
      await this.tokens.supersedeAll(manager, user.id, ['VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL']);
      await this.outbox.queue(manager, AccountMails.emailChanged(this.context(user), user.email, used.id, used.email));
      return { ...user, email: used.email, emailVerifiedAt: used.usedAt };
    });
  }

  private context(user: Pick<UserEntity, 'handle'>) {
    return { baseUrl: this.config.http.canonicalUrl ?? this.config.http.defaultUrl, handle: user.handle };
  }
}
