import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo, NotificationKind, RateLimitRule } from '@lookbook/core';
import { Clock, Notifier, RateLimiter, Transactions } from '@lookbook/core';
import { multiLine, newId } from '@lookbook/kernel';
import type { EntityManager } from 'typeorm';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityErrors } from '../community.errors';
import { CommunityLimits } from '../community-limits';
import type { SafeNode } from './comment-markdown';
import {
  checkTree,
  mentionedHandles,
  mentionedUserIds,
  parseComment,
  plainText,
  resolveMentions,
} from './comment-markdown';
import type { CommentOrder, CommentRow, DiscussionKind } from './comment';
import {
  decodeCursor,
  encodeCursor,
  INLINE_REPLIES,
  MAX_COMMENT_LENGTH,
  MAX_PAGE,
  MAX_PINNED,
  placeReply,
} from './comment';
import type { DiscussionSubject } from './comment.repository';
import { CommentRepository } from './comment.repository';
import { DiscussionErrors } from './discussion.errors';

/** Posting and editing comments: on top of every community write's limits, a tighter one per account. */
export const COMMENT_WRITES_PER_ACCOUNT: RateLimitRule = { name: 'community-comment', points: 20, durationSeconds: 60 };

/** A comment with the replies shown under it. */
export interface CommentView extends CommentRow {
  replies: CommentView[];
}

export interface DiscussionPage {
  subject: DiscussionSubject;
  viewerIsCreator: boolean;
  comments: CommentView[];
  endCursor: string | null;
  hasMore: boolean;
}

export interface RepliesPage {
  replies: CommentView[];
  endCursor: string | null;
  hasMore: boolean;
}

export interface PostInput {
  subjectKind: DiscussionKind;
  subjectId: string;
  parentId?: string | null;
  text: string;
}

/**
 * Discussions: threaded comments on public models, templates and model versions, three levels deep (a reply to the
 * last level is placed beside the comment it answers). Text is Markdown parsed on write into a safe node tree;
 * `@mentions` resolve to members, except across a block (then they stay plain text and notify nobody). Posting
 * notifies the subject's creator (COMMENT), the author answered (COMMENT_REPLY) and each member mentioned (MENTION),
 * one notification per member per comment, in the posting transaction; an edit notifies only members newly mentioned.
 * A block works both ways: no commenting on the other's work, no replying to the other's comments, and neither
 * sees the other's comments. Only the author edits or deletes; only the subject's creator pins and hides.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly comments: CommentRepository,
    private readonly blocks: BlockRepository,
    private readonly transactions: Transactions,
    private readonly limits: CommunityLimits,
    private readonly limiter: RateLimiter,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** A page of a discussion: top-level comments (pinned first on the first page) with their first replies inline. */
  async page(
    viewer: Actor | undefined,
    kind: DiscussionKind,
    id: string,
    order: CommentOrder,
    first: number,
    after?: string | null,
  ): Promise<DiscussionPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw DiscussionErrors.invalidPageSize(MAX_PAGE);
    const cursor = decodeCursor(after);
    const viewerId = viewer?.userId ?? null;
    const subject = await this.comments.subject(kind, id, viewerId);
    if (!subject) throw DiscussionErrors.subjectNotFound();
    const isCreator = viewerId === subject.ownerId;
    // The comments and their inline replies in one statement (the one more asked for brings its replies too; unused).
    const { top: rows, replies } = await this.comments.topLevel(
      kind,
      id,
      viewerId,
      isCreator,
      order,
      cursor,
      first + 1,
      MAX_PINNED,
      INLINE_REPLIES,
    );
    const pinned = rows.filter((r) => r.pinnedAt);
    const rest = rows.filter((r) => !r.pinnedAt);
    const hasMore = rest.length > first;
    const top = [...pinned, ...rest.slice(0, first)];
    const last = rest.slice(0, first).at(-1);
    return {
      subject,
      viewerIsCreator: isCreator,
      comments: threads(top, replies),
      endCursor: last ? encodeCursor(last) : null,
      hasMore,
    };
  }

  /** More direct replies of a comment (after the ones shown), each with its own first replies. */
  async moreReplies(
    viewer: Actor | undefined,
    commentId: string,
    first: number,
    after?: string | null,
  ): Promise<RepliesPage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw DiscussionErrors.invalidPageSize(MAX_PAGE);
    const cursor = decodeCursor(after);
    const viewerId = viewer?.userId ?? null;
    const parent = await this.comments.visible(commentId, viewerId, true);
    if (!parent) throw DiscussionErrors.commentNotFound();
    const subject = await this.comments.subject(parent.subjectKind, parent.subjectId);
    if (!subject) throw DiscussionErrors.subjectNotFound();
    const isCreator = viewerId === subject.ownerId;
    const direct = await this.comments.replies({ parentIds: [commentId] }, viewerId, isCreator, first + 1, cursor);
    const page = direct.slice(0, first);
    const nested = await this.comments.replies(
      { parentIds: page.map((c) => c.id) },
      viewerId,
      isCreator,
      INLINE_REPLIES,
    );
    const last = page.at(-1);
    return {
      replies: threads(page, nested),
      endCursor: last ? encodeCursor(last) : null,
      hasMore: direct.length > first,
    };
  }

  /** The safe tree a text would be stored as (the composer's preview); nothing is stored or notified. */
  async preview(actor: Actor, text: string): Promise<SafeNode> {
    return (await this.render(actor.userId, text)).tree;
  }

  async post(actor: Actor, client: ClientInfo | undefined, input: PostInput): Promise<CommentRow> {
    await this.limit(actor, client);
    const { body, tree, mentions } = await this.render(actor.userId, input.text);
    const subject = await this.comments.subject(input.subjectKind, input.subjectId);
    if (!subject) throw DiscussionErrors.subjectNotFound();
    if (subject.ownerId !== actor.userId && (await this.blocks.between(actor.userId, subject.ownerId)))
      throw CommunityErrors.blocked();
    const id = newId();
    const at = this.clock.now();
    await this.transactions.run(async (manager) => {
      let answered: CommentRow | null = null;
      let placement = null;
      if (input.parentId) {
        answered = await this.comments.lock(manager, input.parentId);
        const sameSubject = answered?.subjectKind === input.subjectKind && answered.subjectId === input.subjectId;
        if (!answered || !sameSubject || !canSee(answered, actor.userId, subject))
          throw DiscussionErrors.commentNotFound();
        if (answered.deletedAt) throw DiscussionErrors.deleted();
        if (answered.authorId !== actor.userId && (await this.blocks.between(actor.userId, answered.authorId, manager)))
          throw CommunityErrors.blocked();
        placement = placeReply(answered);
      }
      const row = { id, subjectKind: input.subjectKind, subjectId: input.subjectId, placement, authorId: actor.userId };
      await this.comments.insert(manager, { ...row, body, tree, mentions, at });
      const recipients = new Map<string, NotificationKind>();
      if (answered) recipients.set(answered.authorId, 'COMMENT_REPLY');
      for (const userId of mentions) if (!recipients.has(userId)) recipients.set(userId, 'MENTION');
      if (!recipients.has(subject.ownerId)) recipients.set(subject.ownerId, 'COMMENT');
      await this.notify(manager, actor.userId, subject, id, tree, recipients);
    });
    return (await this.comments.visible(id, actor.userId, true))!;
  }

  async edit(actor: Actor, client: ClientInfo | undefined, commentId: string, text: string): Promise<CommentRow> {
    await this.limit(actor, client);
    const { body, tree, mentions } = await this.render(actor.userId, text);
    await this.transactions.run(async (manager) => {
      const comment = await this.comments.lock(manager, commentId);
      if (!comment) throw DiscussionErrors.commentNotFound();
      if (comment.authorId !== actor.userId) throw DiscussionErrors.notAuthor();
      if (comment.deletedAt) throw DiscussionErrors.deleted();
      if (comment.body === body) return;
      await this.comments.updateBody(manager, commentId, body, tree, mentions, this.clock.now());
      const subject = await this.comments.subject(comment.subjectKind, comment.subjectId);
      const added = mentions.filter((m) => !comment.mentions.includes(m));
      if (subject)
        await this.notify(manager, actor.userId, subject, commentId, tree, new Map(added.map((m) => [m, 'MENTION'])));
    });
    return (await this.comments.visible(commentId, actor.userId, true))!;
  }

  /** Deletes the actor's comment: "[deleted]" in place when it has replies, gone when it has none. Idempotent. */
  async remove(
    actor: Actor,
    client: ClientInfo | undefined,
    commentId: string,
  ): Promise<{ id: string; removed: 'SOFT' | 'HARD' }> {
    await this.limits.write(actor, client);
    return this.transactions.run(async (manager) => {
      const comment = await this.comments.lock(manager, commentId);
      if (!comment) return { id: commentId, removed: 'HARD' as const };
      if (comment.authorId !== actor.userId) throw DiscussionErrors.notAuthor();
      if (comment.deletedAt) return { id: commentId, removed: 'SOFT' as const };
      return { id: commentId, removed: await this.comments.remove(manager, comment, this.clock.now()) };
    });
  }

  /** Pins or unpins a top-level comment (the subject's creator; at most `MAX_PINNED`). Idempotent. */
  async pin(actor: Actor, client: ClientInfo | undefined, commentId: string, pinned: boolean): Promise<CommentRow> {
    return this.moderate(actor, client, commentId, async (manager, comment) => {
      if (Boolean(comment.pinnedAt) === pinned) return;
      if (pinned) {
        if (comment.depth !== 0) throw DiscussionErrors.pinTopLevel();
        if (comment.deletedAt) throw DiscussionErrors.deleted();
        if ((await this.comments.pinnedCount(manager, comment.subjectKind, comment.subjectId)) >= MAX_PINNED)
          throw DiscussionErrors.pinLimit(MAX_PINNED);
      }
      await this.comments.setPinned(manager, commentId, pinned ? this.clock.now() : null);
    });
  }

  /** Hides a comment from everyone but its author and the creator, or shows it again (the creator). Idempotent. */
  async hide(actor: Actor, client: ClientInfo | undefined, commentId: string, hidden: boolean): Promise<CommentRow> {
    return this.moderate(actor, client, commentId, async (manager, comment) => {
      if (Boolean(comment.hiddenAt) !== hidden)
        await this.comments.setHidden(manager, comment, hidden ? this.clock.now() : null);
    });
  }

  private async moderate(
    actor: Actor,
    client: ClientInfo | undefined,
    commentId: string,
    change: (manager: EntityManager, comment: CommentRow) => Promise<void>,
  ): Promise<CommentRow> {
    await this.limits.write(actor, client);
    await this.transactions.run(async (manager) => {
      const comment = await this.comments.lock(manager, commentId);
      if (!comment) throw DiscussionErrors.commentNotFound();
      const subject = await this.comments.subject(comment.subjectKind, comment.subjectId);
      if (!subject || subject.ownerId !== actor.userId) throw DiscussionErrors.notCreator();
      await change(manager, comment);
    });
    return (await this.comments.visible(commentId, actor.userId, true))!;
  }

  private async limit(actor: Actor, client: ClientInfo | undefined) {
    await this.limits.write(actor, client);
    await this.limiter.consume(COMMENT_WRITES_PER_ACCOUNT, actor.userId);
  }

  /** Checks the text (required, at most 5,000 characters), parses it and resolves its mentions. */
  private async render(authorId: string, text: string) {
    const body = multiLine(text, 'text', { max: MAX_COMMENT_LENGTH });
    const parsed = parseComment(body);
    const members = await this.comments.mentionable(mentionedHandles(parsed), authorId);
    const others = members.filter((m) => m.id !== authorId);
    const tree = checkTree(resolveMentions(parsed, new Map(others.map((m) => [m.handle.toLowerCase(), m]))));
    return { body, tree, mentions: mentionedUserIds(tree) };
  }

  private async notify(
    manager: EntityManager,
    actorId: string,
    subject: DiscussionSubject,
    commentId: string,
    tree: SafeNode,
    recipients: ReadonlyMap<string, NotificationKind>,
  ) {
    const url = `${subjectPath(subject)}#comment-${commentId}`;
    const excerpt = plainText(tree, 140);
    for (const [recipientId, kind] of recipients) {
      if (recipientId === actorId) continue;
      await this.notifier.notify(manager, {
        recipientId,
        kind,
        actorId,
        subjectKind: subject.kind,
        subjectId: subject.id,
        text: `${NOTIFICATION_LINES[kind]}: ${excerpt}`,
        url,
        dedupeKey: `community.comment:${commentId}:${kind}:${recipientId}`,
      });
    }
  }
}

const NOTIFICATION_LINES: Partial<Record<NotificationKind, string>> = {
  COMMENT: 'commented on your work',
  COMMENT_REPLY: 'replied to your comment',
  MENTION: 'mentioned you',
};

/** The page a discussion is on: a template version's is its template's page (which shows its newest version). */
export function subjectPath(subject: Pick<DiscussionSubject, 'kind' | 'id' | 'templateId'>): string {
  if (subject.kind === 'TEMPLATE_VERSION') return `/templates/${subject.templateId}`;
  return { MODEL: '/models/', TEMPLATE: '/templates/', VERSION: '/versions/' }[subject.kind] + subject.id;
}

/** Whether a member may see (and so answer) a comment: hidden ones only by their author and the creator. */
function canSee(comment: CommentRow, userId: string, subject: DiscussionSubject): boolean {
  return !comment.hiddenAt || comment.authorId === userId || subject.ownerId === userId;
}

/**
 * Builds threads: each reply under its parent, in the order read; replies whose parent is not shown (hidden from
 * the viewer, or by someone on either side of a block) are left out with it.
 */
export function threads(top: CommentRow[], replies: CommentRow[]): CommentView[] {
  const views = new Map<string, CommentView>();
  const roots = top.map((c) => {
    const view = { ...c, replies: [] };
    views.set(c.id, view);
    return view;
  });
  for (const reply of [...replies].sort((a, b) => a.depth - b.depth)) {
    const parent = reply.parentId ? views.get(reply.parentId) : undefined;
    if (!parent) continue;
    const view = { ...reply, replies: [] };
    views.set(reply.id, view);
    parent.replies.push(view);
  }
  return roots;
}
