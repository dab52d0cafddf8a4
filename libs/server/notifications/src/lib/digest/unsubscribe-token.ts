import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NotificationKind } from '@lookbook/core';
import { NOTIFICATION_KINDS } from '@lookbook/core';

/** What one unsubscribe link turns off: one kind's mail, or every kind that goes to the daily digest. */
export type UnsubscribeScope = NotificationKind | 'DIGEST';

export const isUnsubscribeScope = (value: string): value is UnsubscribeScope =>
  value === 'DIGEST' || (NOTIFICATION_KINDS as readonly string[]).includes(value);

/**
 * Signed one-click unsubscribe links (RFC 8058): the link names the member and the scope and carries an HMAC of both
 * under a key derived from the auth secret, so it works without signing in, never expires (a mail read a year later
 * still unsubscribes) and cannot be turned against another member or another scope.
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(authSecret: Uint8Array) {
    this.key = createHmac('sha256', authSecret).update('lookbook notification unsubscribe').digest();
  }

  sign(userId: string, scope: UnsubscribeScope): string {
    return createHmac('sha256', this.key).update(`${userId}:${scope}`).digest('base64url');
  }

  verify(userId: string, scope: string, token: string): scope is UnsubscribeScope {
    if (!isUnsubscribeScope(scope) || !/^[0-9a-f-]{36}$/i.test(userId)) return false;
    const expected = Buffer.from(this.sign(userId, scope));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The absolute link (GET shows a confirmation page; POST `List-Unsubscribe=One-Click` unsubscribes). */
  url(base: string, userId: string, scope: UnsubscribeScope): string {
    const query = new URLSearchParams({ u: userId, k: scope, t: this.sign(userId, scope) });
    return `${base}/api/v1/notifications/unsubscribe?${query.toString()}`;
  }
}

/** The RFC 2369 / RFC 8058 headers every notification mail carries. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
