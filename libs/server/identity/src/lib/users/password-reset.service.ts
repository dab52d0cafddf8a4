import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig, ClientInfo } from '@lookbook/core';
import { APP_CONFIG, Clock, JobQueue, MailOutbox, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { SessionRepository } from '../sessions/session.repository';
import { AccountTokenService } from '../tokens/account-token.service';
import { IdentityErrors } from '../identity.errors';
import { IdentityTasks } from '../identity.tasks';
import { AccountMails } from './account-mails';
import { PasswordHasher } from './password-hasher';
import { UserRepository } from './user.repository';

/** Requests per address an hour (the answer is the same whether or not an account has it). */
const PER_ADDRESS = { name: 'reset-address', points: 3, durationSeconds: 3600 };
/** Reset mails per account an hour: past it, requests are still answered the same, and no mail goes out. */
const PER_ACCOUNT = { name: 'reset-account', points: 5, durationSeconds: 3600 };

/**
 * Password reset by a mailed one-time link (OWASP's forgot-password flow): the same answer for known and unknown
 * addresses, a 30-minute single-use link, and on reset every session ends and the owner is told. A request only
 * queues a job, so it does the same work (and takes the same time) whether or not an account has the address; the job
 * looks the address up and mails the link.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionRepository,
    private readonly tokens: AccountTokenService,
    private readonly outbox: MailOutbox,
    private readonly transactions: Transactions,
    private readonly limiter: RateLimiter,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
  ) {}

  /** Always true (unless rate limited, which is also the same for every address). */
  async request(emailInput: string, client: ClientInfo): Promise<boolean> {
    const email = emailInput.trim().toLowerCase();
    await this.limiter.consume(
      { name: 'reset-ip', points: this.config.auth.rateLimitPerMinute, durationSeconds: 60 },
      client.ip ?? 'unknown',
    );
    await this.limiter.consume(PER_ADDRESS, createHash('sha256').update(email).digest('hex'));
    if (email.length <= 254 && email.includes('@')) {
      await this.jobs.enqueue(undefined, IdentityTasks.sendPasswordReset, { email, baseUrl: this.baseUrl() });
    }
    return true;
  }

  /** The job's half of a request: mails a link if an account has exactly this address (case-folded). */
  async sendLink(email: string, baseUrl = this.baseUrl()): Promise<void> {
    const user = await this.users.findByLogin(email);
    if (!user || user.email.toLowerCase() !== email) return;
    try {
      await this.limiter.consume(PER_ACCOUNT, user.id);
    } catch (error) {
      if (error instanceof RateLimitedError) return; // silently: enough links went out this hour
      throw error;
    }
    await this.transactions.run(async (manager) => {
      const issued = await this.tokens.issue(manager, user.id, 'RESET_PASSWORD', user.email);
      await this.outbox.queue(
        manager,
        AccountMails.resetPassword({ baseUrl, handle: user.handle }, user.email, issued.row.id, issued.token),
      );
    });
  }

  /**
   * Sets a new password with a reset link. The password is checked before the link is used, so a rejected password
   * leaves the link working; then, in one transaction: the link is used, the password replaced, every session ended,
   * older links superseded, and a notice queued.
   */
  async reset(token: string, newPassword: string, client: ClientInfo): Promise<boolean> {
    await this.limiter.consume(
      { name: 'account-token-ip', points: this.config.auth.rateLimitPerMinute * 5, durationSeconds: 60 },
      client.ip ?? 'unknown',
    );
    const checked = await this.tokens.check(token, 'RESET_PASSWORD');
    const user = await this.users.findById(checked.userId);
    if (!user) throw IdentityErrors.tokenInvalid();
    await this.hasher.assertAcceptable(newPassword, [user.handle, user.email, user.displayName]);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.transactions.run(async (manager) => {
      const used = await this.tokens.use(manager, token, 'RESET_PASSWORD');
      const now = this.clock.now();
      await this.users.updatePasswordIn(manager, used.userId, passwordHash, now);
      await this.sessions.revokeAllForUser(used.userId, 'password-reset', now, undefined, manager);
      await this.tokens.supersedeAll(manager, used.userId, ['RESET_PASSWORD']);
      await this.outbox.queue(manager, AccountMails.passwordChanged(this.context(user.handle), user.email, used.id));
    });
    return true;
  }

  private baseUrl(): string {
    return this.config.http.canonicalUrl ?? this.config.http.defaultUrl;
  }

  private context(handle: string) {
    return { baseUrl: this.baseUrl(), handle };
  }
}
