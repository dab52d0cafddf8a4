import { Injectable } from '@nestjs/common';
import type { Actor, NotificationKind } from '@lookbook/core';
import { Clock, NOTIFICATION_KINDS, RateLimiter } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import { UnsubscribeTokens } from '../digest/unsubscribe-token';
import type { KindPreference } from '../inbox/notification-rules';
import { EMAIL_CHOICES, effectivePreferences } from '../inbox/notification-rules';
import { NOTIFICATION_WRITES_PER_ACCOUNT } from '../inbox/notification.service';
import { PreferenceRepository } from './preference.repository';

export type UnsubscribeOutcome = { ok: true; kinds: NotificationKind[] } | { ok: false };

/** Per-kind notification preferences, and the signed one-click unsubscribe of mail links. */
@Injectable()
export class PreferenceService {
  constructor(
    private readonly preferences: PreferenceRepository,
    private readonly tokens: UnsubscribeTokens,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  /** Every kind, with the member's choice or its default. */
  async of(userId: string): Promise<KindPreference[]> {
    return effectivePreferences(await this.preferences.chosenBy(userId));
  }

  /** Saves choices for some kinds (each kind at most once, known kinds and choices only; else nothing changes). */
  async update(actor: Actor, choices: readonly KindPreference[]): Promise<KindPreference[]> {
    const kinds = choices.map((c) => c.kind);
    if (
      !choices.length ||
      new Set(kinds).size !== kinds.length ||
      choices.some(
        (c) => !NOTIFICATION_KINDS.includes(c.kind) || !EMAIL_CHOICES.includes(c.email) || typeof c.inApp !== 'boolean',
      )
    ) {
      throw new ValidationError('INVALID_PREFERENCES', 'Give each notification kind at most once, with a known choice');
    }
    await this.limiter.consume(NOTIFICATION_WRITES_PER_ACCOUNT, actor.userId);
    await this.preferences.save(actor.userId, choices, this.clock.now());
    return this.of(actor.userId);
  }

  /**
   * A one-click unsubscribe: a valid token turns that kind's mail off (or, for the digest, every kind that went to it);
   * a token for another member or scope, or tampered with, changes nothing. Repeating it is harmless.
   */
  async unsubscribe(userId: string, scope: string, token: string): Promise<UnsubscribeOutcome> {
    if (!this.tokens.verify(userId, scope, token)) return { ok: false };
    const kinds =
      scope === 'DIGEST' ? (await this.of(userId)).filter((p) => p.email === 'DIGEST').map((p) => p.kind) : [scope];
    await this.preferences.emailOff(userId, kinds, this.clock.now());
    return { ok: true, kinds };
  }
}
