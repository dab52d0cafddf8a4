import { Injectable } from '@nestjs/common';
import type { Actor, ConnectionArgs, Page } from '@lookbook/core';
import { pageSize } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import type { FeedRow } from './feed.repository';
import { FeedRepository } from './feed.repository';

/** The following feed: new versions, templates and remixes from the members and IPs the viewer follows. */
@Injectable()
export class FeedService {
  constructor(private readonly feed: FeedRepository) {}

  async page(viewer: Actor, args: ConnectionArgs): Promise<Page<FeedRow>> {
    const first = pageSize(args);
    const before = args.after == null ? null : decodeFeedCursor(args.after);
    const rows = await this.feed.page(viewer.userId, before, first + 1);
    const nodes = rows.slice(0, first);
    const edges = nodes.map((node) => ({ cursor: encodeFeedCursor(node.id), node }));
    return {
      nodes,
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}

export function encodeFeedCursor(id: string): string {
  return Buffer.from(`feed:${id}`).toString('base64url');
}

/** The activity id a cursor names; anything else is INVALID_CURSOR. */
export function decodeFeedCursor(cursor: string): string {
  const match = /^feed:([1-9][0-9]{0,17})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new ValidationError('INVALID_CURSOR', 'The cursor is not valid for this list');
  return match[1]!;
}
