import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, NotificationKind, Page, RateLimitRule } from '@lookbook/core';
import { Clock, pageSize, RateLimiter, Transactions } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import { PreferenceRepository } from '../preferences/preference.repository';
import { effectivePreferences, groupSummary } from './notification-rules';
import type { NotificationGroupRow } from './notification.repository';
import { NotificationRepository } from './notification.repository';

/** Marking read counts against this (a client marking each item as it scrolls stays well inside). */
export const NOTIFICATION_WRITES_PER_ACCOUNT: RateLimitRule = {
  name: 'notifications-account',
  points: 120,
  durationSeconds: 60,
};
export const MAX_MARK_READ = 100;

/** A line of the list as the client shows it: the group's summary and whether anything in it is unread. */
export interface NotificationGroup extends NotificationGroupRow {
  summary: string;
  read: boolean;
}

/**
 * The read side of the bell: the member's notifications in groups (a storm of likes on one model is one line), the
 * unread count, marking read. Kinds the member turned off in the bell are not shown or counted (they are still written:
 * mail may want them).
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly preferences: PreferenceRepository,
    private readonly transactions: Transactions,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  async page(viewer: Actor, args: ConnectionArgs & { unreadOnly?: boolean | null }): Promise<Page<NotificationGroup>> {
    const first = pageSize(args);
    const before = args.after == null ? null : decodeNotificationCursor(args.after);
    const rows = await this.notifications.groups(viewer.userId, {
      unreadOnly: !!args.unreadOnly,
      hiddenKinds: await this.hiddenKinds(viewer.userId),
      before,
      limit: first + 1,
    });
    const nodes = rows.slice(0, first).map(toGroup);
    const edges = nodes.map((node) => ({ cursor: encodeNotificationCursor(node.createdAt, node.id), node }));
    return { nodes, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.notifications.unreadGroupCount(userId, await this.hiddenKinds(userId));
  }

  /** Marks read the groups these notifications head (ids of others' notifications change nothing); the new count. */
  async markRead(actor: Actor, ids: readonly string[]): Promise<number> {
    if (!ids.length || ids.length > MAX_MARK_READ) {
      throw new ValidationError('INVALID_IDS', `Give between 1 and ${MAX_MARK_READ} notification ids`, {
        max: MAX_MARK_READ,
      });
    }
    await this.limiter.consume(NOTIFICATION_WRITES_PER_ACCOUNT, actor.userId);
    const unique = [...new Set(ids)];
    await this.transactions.run((m) => this.notifications.markGroupsRead(m, actor.userId, unique, this.clock.now()));
    return this.unreadCount(actor.userId);
  }

  async markAllRead(actor: Actor): Promise<number> {
    await this.limiter.consume(NOTIFICATION_WRITES_PER_ACCOUNT, actor.userId);
    await this.transactions.run((m) => this.notifications.markAllRead(m, actor.userId, this.clock.now()));
    return this.unreadCount(actor.userId);
  }

  private async hiddenKinds(userId: string): Promise<NotificationKind[]> {
    return effectivePreferences(await this.preferences.chosenBy(userId))
      .filter((p) => !p.inApp)
      .map((p) => p.kind);
  }
}

function toGroup(row: NotificationGroupRow): NotificationGroup {
  return { ...row, summary: groupSummary(row.text, row.actorName, row.count), read: row.unread === 0 };
}

export function encodeNotificationCursor(at: Date, id: string): string {
  return Buffer.from(`n:${at.toISOString()}:${id}`).toString('base64url');
}

/** The group head a cursor names; anything else is INVALID_CURSOR. */
export function decodeNotificationCursor(cursor: string): { at: Date; id: string } {
  const match = /^n:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z):([0-9a-f-]{36})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  const at = match ? new Date(match[1]!) : null;
  if (!match || !at || Number.isNaN(at.getTime()))
    throw new ValidationError('INVALID_CURSOR', 'The cursor is not valid for this list');
  return { at, id: match[2]! };
}
