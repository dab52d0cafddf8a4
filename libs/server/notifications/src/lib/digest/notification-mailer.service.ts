import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, MailOutbox, NOTIFICATION_KINDS, publicBaseUrl, Transactions } from '@lookbook/core';
import type { NotificationEntity } from '../inbox/notification.entity';
import { effectivePreferences, GROUPED_KINDS } from '../inbox/notification-rules';
import { NotificationRepository } from '../inbox/notification.repository';
import { PreferenceRepository } from '../preferences/preference.repository';
import { digestLines, digestMail, immediateMail } from './notification-mail';
import { unsubscribeHeaders, UnsubscribeTokens } from './unsubscribe-token';

const DAY_MS = 86_400_000;

/**
 * Notification mail, per the recipient's preferences, always through the outbox: a kind mailed at once is queued in
 * the transaction that wrote the notification (keyed by the notification); a kind in the digest waits for the daily
 * job, which mails each member one digest per day (keyed by member and day). Only verified addresses get either.
 */
@Injectable()
export class NotificationMailer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly preferences: PreferenceRepository,
    private readonly outbox: MailOutbox,
    private readonly tokens: UnsubscribeTokens,
    private readonly transactions: Transactions,
  ) {}

  /**
   * After a notification was written in `manager`'s transaction: mails it now if its kind is mailed immediately. A
   * storm mails once: of a grouped kind only the first notification of its group (that day) is mailed.
   */
  async afterWrite(manager: EntityManager, n: NotificationEntity): Promise<boolean> {
    const chosen = await this.preferences.chosenBy(n.recipientId, manager);
    const preference = effectivePreferences(chosen).find((p) => p.kind === n.kind)!;
    if (preference.email !== 'IMMEDIATE') return false;
    if (GROUPED_KINDS.has(n.kind) && (await this.notifications.groupSize(manager, n.recipientId, n.groupKey)) > 1)
      return false;
    const to = await this.notifications.verifiedAddress(manager, n.recipientId);
    if (!to) return false;
    const base = publicBaseUrl(this.config);
    const unsubscribeUrl = this.tokens.url(base, n.recipientId, n.kind);
    await this.outbox.queue(
      manager,
      immediateMail({
        notificationId: n.id,
        kind: n.kind,
        to,
        text: n.text,
        link: `${base}${n.url}`,
        settingsUrl: `${base}/settings/notifications`,
        unsubscribeUrl,
        headers: unsubscribeHeaders(unsubscribeUrl),
      }),
    );
    return true;
  }

  /**
   * Queues the digest of one UTC day (`YYYY-MM-DD`): for each member, the day's notifications still unread of the
   * kinds they get in the digest, grouped as the bell groups them. Rerunning the day queues nothing new.
   */
  async queueDigests(day: string): Promise<number> {
    const from = new Date(`${day}T00:00:00.000Z`);
    if (Number.isNaN(from.getTime()) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
    const rows = await this.notifications.unreadBetween(from, new Date(from.getTime() + DAY_MS));
    const byRecipient = new Map<string, typeof rows>();
    for (const row of rows) byRecipient.set(row.recipientId, [...(byRecipient.get(row.recipientId) ?? []), row]);
    const chosen = await this.preferences.chosenByAll([...byRecipient.keys()]);
    const base = publicBaseUrl(this.config);
    let queued = 0;
    for (const [recipientId, items] of byRecipient) {
      const digestKinds = new Set(
        effectivePreferences(chosen.get(recipientId) ?? [])
          .filter((p) => p.email === 'DIGEST')
          .map((p) => p.kind),
      );
      const lines = digestLines(
        items.filter((item) => digestKinds.has(item.kind)),
        NOTIFICATION_KINDS,
      );
      if (!lines.length) continue;
      const unsubscribeUrl = this.tokens.url(base, recipientId, 'DIGEST');
      const mail = digestMail({
        recipientId,
        day,
        to: items[0]!.email,
        lines,
        base,
        settingsUrl: `${base}/settings/notifications`,
        unsubscribeUrl,
        headers: unsubscribeHeaders(unsubscribeUrl),
      });
      await this.transactions.run((manager) => this.outbox.queue(manager, mail));
      queued += 1;
    }
    return queued;
  }
}

/** The UTC day before `now`, as `YYYY-MM-DD` (the day a digest sent at `now` covers). */
export function previousDay(now: Date): string {
  return new Date(now.getTime() - DAY_MS).toISOString().slice(0, 10);
}
