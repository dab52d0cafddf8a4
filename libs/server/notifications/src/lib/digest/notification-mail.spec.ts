import { NOTIFICATION_KINDS } from '@lookbook/core';
import type { DigestItem } from './notification-mail';
import { digestLines, digestMail, immediateMail } from './notification-mail';

const like = (actor: string, model = 'm1'): DigestItem => ({
  kind: 'LIKE',
  text: `${actor} liked Neon Harbour`,
  url: `/models/${model}`,
  groupKey: `LIKE:MODEL:${model}:2026-12-07`,
  actorName: actor,
});

describe('digest assembly', () => {
  it('collapses a storm into one line named after its newest actor, and orders lines by kind', () => {
    const storm = Array.from({ length: 1000 }, (_, i) => like(`Fan ${i}`));
    const follow: DigestItem = {
      kind: 'FOLLOW',
      text: 'Ada followed you',
      url: '/u/ada',
      groupKey: 'f',
      actorName: 'Ada',
    };
    const lines = digestLines([...storm, like('Tom', 'm2'), follow], NOTIFICATION_KINDS);
    expect(lines).toEqual([
      { kind: 'FOLLOW', summary: 'Ada followed you', url: '/u/ada' },
      { kind: 'LIKE', summary: 'Fan 999 and 999 others liked Neon Harbour', url: '/models/m1' },
      { kind: 'LIKE', summary: 'Tom liked Neon Harbour', url: '/models/m2' },
    ]);
  });

  it('has nothing to say about no items', () => {
    expect(digestLines([], NOTIFICATION_KINDS)).toEqual([]);
  });

  it('is one mail per member and day, with links, the settings and the unsubscribe link', () => {
    const mail = digestMail({
      recipientId: 'u1',
      day: '2026-12-07',
      to: 'ada@example.com',
      lines: [{ kind: 'LIKE', summary: 'Tom liked Neon Harbour', url: '/models/m2' }],
      base: 'https://lookbook.example',
      settingsUrl: 'https://lookbook.example/settings/notifications',
      unsubscribeUrl: 'https://lookbook.example/api/v1/notifications/unsubscribe?u=u1&k=DIGEST&t=x',
      headers: { 'List-Unsubscribe': '<x>' },
    });
    expect(mail.idempotencyKey).toBe('notifications.digest:u1:2026-12-07');
    expect(mail.subject).toBe('Your Lookbook day: 1 update (2026-12-07)');
    expect(mail.text).toContain('• Tom liked Neon Harbour\n  https://lookbook.example/models/m2');
    expect(mail.text).toContain('unsubscribe?u=u1&k=DIGEST&t=x');
    expect(mail.headers).toEqual({ 'List-Unsubscribe': '<x>' });
  });

  it('mails one notification keyed by it, its subject cut to a line', () => {
    const mail = immediateMail({
      notificationId: 'n1',
      kind: 'SALE',
      to: 'ada@example.com',
      text: `New sale: someone licensed ${'x'.repeat(200)}`,
      link: 'https://lookbook.example/earnings',
      settingsUrl: 's',
      unsubscribeUrl: 'u',
      headers: {},
    });
    expect(mail.idempotencyKey).toBe('notifications.immediate:n1');
    expect(mail.kind).toBe('notifications.sale');
    expect(mail.subject.length).toBe(118);
    expect(mail.text).toContain('https://lookbook.example/earnings');
  });
});
