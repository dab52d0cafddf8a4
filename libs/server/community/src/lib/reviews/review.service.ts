import { Injectable } from '@nestjs/common';
import type { Actor, ClientInfo, ConnectionArgs, Page } from '@lookbook/core';
import { Clock, Notifier, pageSize, Transactions } from '@lookbook/core';
import type { Tier } from '@lookbook/kernel';
import { newId, ValidationError } from '@lookbook/kernel';
import { LicensingFacade } from '@lookbook/licensing';
import { BlockRepository } from '../blocks/block.repository';
import { CommunityErrors } from '../community.errors';
import type { CounterBump } from '../counters/counter';
import { shardOf } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import { SubjectRepository } from '../subjects/subject.repository';
import type { ReviewableKind, ReviewCore, ReviewRevision, ReviewRow } from './review';
import { checkRating, cleanText } from './review';
import { ReviewLimits } from './review-limits';
import type { ReviewCursor } from './review.repository';
import { ReviewRepository } from './review.repository';

export interface ReviewInput {
  rating: number;
  body: string;
}

/** Whether the viewer may write a review of a subject, and theirs when they did. */
export interface ReviewEligibility {
  canReview: boolean;
  reason: 'SIGNED_OUT' | 'OWN_WORK' | 'NO_LICENSE' | 'BLOCKED' | 'ALREADY_REVIEWED' | null;
  /** The tier of the strongest licence the viewer holds on it (null: none). */
  licenseTier: Tier | null;
  review: ReviewRow | null;
}

/**
 * Reviews from verified licensees (docs/decisions/0022-reviews-rest-on-a-licence.md). One per member per model or
 * template, written only while holding an active licence on it (checked, share-locked, in the writing transaction);
 * never of one's own work or across a block. The review, its rating counters and the creator's notification commit
 * together. Edits keep the replaced text as a revision; the creator replies once (editable); helpful votes are one per
 * member, idempotent, never on one's own review. A licence revoked later is handled by a trigger (the review stays,
 * unverified and out of the average).
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly subjects: SubjectRepository,
    private readonly blocks: BlockRepository,
    private readonly counters: CounterRepository,
    private readonly licensing: LicensingFacade,
    private readonly notifier: Notifier,
    private readonly transactions: Transactions,
    private readonly limits: ReviewLimits,
    private readonly clock: Clock,
  ) {}

  async write(
    actor: Actor,
    client: ClientInfo | undefined,
    kind: ReviewableKind,
    subjectId: string,
    input: ReviewInput,
  ): Promise<ReviewRow> {
    await this.limits.review(actor, client);
    const rating = checkRating(input.rating);
    const body = cleanText(input.body, 'body');
    const subject = await this.subjects.publicSubject(kind, subjectId);
    if (!subject) throw CommunityErrors.reviewSubjectNotFound();
    if (subject.ownerId === actor.userId) throw CommunityErrors.selfReview();
    if (await this.blocks.between(actor.userId, subject.ownerId)) throw CommunityErrors.blocked();
    const id = newId();
    await this.transactions.run(async (manager) => {
      const license = await this.licensing.strongestActiveOn(manager, actor.userId, kind, subjectId);
      if (!license) throw CommunityErrors.licenseRequired();
      const at = this.clock.now();
      const review = { id, subjectKind: kind, subjectId, authorId: actor.userId, rating, body, at };
      if (!(await this.reviews.insert(manager, { ...review, licenseId: license.id, licenseTier: license.tier })))
        throw CommunityErrors.reviewExists();
      await this.counters.bump(manager, shardOf(actor.userId), ratingBumps(kind, subjectId, rating, 1));
      await this.notifier.notify(manager, {
        recipientId: subject.ownerId,
        kind: 'REVIEW',
        actorId: actor.userId,
        subjectKind: kind,
        subjectId,
        text: `reviewed your ${kind === 'MODEL' ? 'model' : 'template'}: ${rating} of 5 stars`,
        url: `${pathOf(kind, subjectId)}#review-${id}`,
        dedupeKey: `community.review:${id}`,
      });
    });
    return this.view(actor.userId, id);
  }

  /** The author changes rating and text; the replaced ones become a revision. The same again changes nothing. */
  async edit(actor: Actor, client: ClientInfo | undefined, reviewId: string, input: ReviewInput): Promise<ReviewRow> {
    await this.limits.review(actor, client);
    const rating = checkRating(input.rating);
    const body = cleanText(input.body, 'body');
    await this.transactions.run(async (manager) => {
      const before = await this.reviews.lock(manager, reviewId);
      if (!before) throw CommunityErrors.reviewNotFound();
      if (before.authorId !== actor.userId) throw CommunityErrors.notReviewAuthor();
      if (before.rating === rating && before.body === body) return;
      await this.reviews.edit(manager, before, rating, body, this.clock.now());
      if (before.licenseHeld && before.rating !== rating)
        await this.counters.bump(
          manager,
          shardOf(actor.userId),
          rerateBumps(before.subjectKind, before.subjectId, before.rating, rating),
        );
    });
    return this.view(actor.userId, reviewId);
  }

  /** The creator of the reviewed work replies (once; replying again edits the reply). */
  async reply(actor: Actor, client: ClientInfo | undefined, reviewId: string, text: string): Promise<ReviewRow> {
    await this.limits.reply(actor, client);
    const body = cleanText(text, 'reply');
    await this.transactions.run(async (manager) => {
      const review = await this.reviews.lock(manager, reviewId);
      if (!review) throw CommunityErrors.reviewNotFound();
      const subject = await this.subjects.publicSubject(review.subjectKind, review.subjectId, true);
      if (subject?.ownerId !== actor.userId) throw CommunityErrors.notCreator();
      if (await this.blocks.between(actor.userId, review.authorId, manager)) throw CommunityErrors.blocked();
      if (review.replyBody === body) return;
      await this.reviews.reply(manager, reviewId, body, this.clock.now());
      if (!review.repliedAt) await this.notifyReply(manager, actor, review);
    });
    return this.view(actor.userId, reviewId);
  }

  /** "Helpful" (or taken back): one per member, idempotent, not on one's own review, counted in the same statement. */
  async vote(actor: Actor, client: ClientInfo | undefined, reviewId: string, helpful: boolean): Promise<ReviewRow> {
    await this.limits.vote(actor, client);
    const review = await this.reviews.one(actor.userId, reviewId);
    if (!review) throw CommunityErrors.reviewNotFound();
    if (review.author.id === actor.userId) throw CommunityErrors.selfVote();
    const changed = await this.transactions.run((manager) =>
      helpful
        ? this.reviews.addVote(manager, reviewId, actor.userId, this.clock.now())
        : this.reviews.removeVote(manager, reviewId, actor.userId),
    );
    return changed ? this.view(actor.userId, reviewId) : review;
  }

  /** A subject's reviews, newest first, none by anyone on either side of a block with the viewer. */
  async ofSubject(
    viewer: Actor | undefined,
    kind: ReviewableKind,
    subjectId: string,
    args: ConnectionArgs,
  ): Promise<Page<ReviewRow>> {
    const first = pageSize(args);
    const cursor = args.after == null ? null : decodeReviewCursor(args.after);
    return toPage(await this.reviews.ofSubject(viewer?.userId ?? null, kind, subjectId, cursor, first + 1), first);
  }

  /** What a member wrote, newest first (their profile's Reviews tab). */
  async byAuthor(viewer: Actor | undefined, authorId: string, args: ConnectionArgs): Promise<Page<ReviewRow>> {
    const first = pageSize(args);
    const cursor = args.after == null ? null : decodeReviewCursor(args.after);
    return toPage(await this.reviews.byAuthor(viewer?.userId ?? null, authorId, cursor, first + 1), first);
  }

  /** The texts a review had before its edits, newest first; REVIEW_NOT_FOUND when the viewer cannot see it. */
  async revisions(viewer: Actor | undefined, reviewId: string): Promise<ReviewRevision[]> {
    if (!(await this.reviews.one(viewer?.userId ?? null, reviewId))) throw CommunityErrors.reviewNotFound();
    return this.reviews.revisions(reviewId);
  }

  /** Whether the viewer may review the subject now, and their review when they wrote one. */
  async eligibility(viewer: Actor | undefined, kind: ReviewableKind, subjectId: string): Promise<ReviewEligibility> {
    const none = { licenseTier: null, review: null };
    if (!viewer) return { canReview: false, reason: 'SIGNED_OUT', ...none };
    // One statement: the subject's creator, a block, the strongest licence and the viewer's review (read page budget).
    const facts = await this.reviews.eligibilityOf(viewer.userId, kind, subjectId);
    if (!facts) throw CommunityErrors.reviewSubjectNotFound();
    if (facts.ownerId === viewer.userId) return { canReview: false, reason: 'OWN_WORK', ...none };
    const { review, blocked, licenseTier } = facts;
    if (review) return { canReview: false, reason: 'ALREADY_REVIEWED', licenseTier, review };
    if (blocked) return { canReview: false, reason: 'BLOCKED', licenseTier, review: null };
    if (!licenseTier) return { canReview: false, reason: 'NO_LICENSE', licenseTier, review: null };
    return { canReview: true, reason: null, licenseTier, review: null };
  }

  private async view(viewerId: string, reviewId: string): Promise<ReviewRow> {
    const row = await this.reviews.one(viewerId, reviewId);
    if (!row) throw CommunityErrors.reviewNotFound();
    return row;
  }

  private notifyReply(manager: Parameters<Notifier['notify']>[0], actor: Actor, review: ReviewCore): Promise<void> {
    return this.notifier.notify(manager, {
      recipientId: review.authorId,
      kind: 'REVIEW_REPLY',
      actorId: actor.userId,
      subjectKind: review.subjectKind,
      subjectId: review.subjectId,
      text: 'replied to your review',
      url: `${pathOf(review.subjectKind, review.subjectId)}#review-${review.id}`,
      dedupeKey: `community.review-reply:${review.id}`,
    });
  }
}

/** A counted rating's weight in its subject's counters: the sum, the count and its histogram bar. */
export function ratingBumps(kind: ReviewableKind, id: string, rating: number, sign: 1 | -1): CounterBump[] {
  return [
    { kind, id, metric: 'RATING_SUM', delta: sign * rating },
    { kind, id, metric: 'RATING_COUNT', delta: sign },
    { kind, id, metric: `RATING_${rating}` as CounterBump['metric'], delta: sign },
  ];
}

/** A counted rating changed: the sum moves and one histogram bar gives to another (one bump per counter row). */
export function rerateBumps(kind: ReviewableKind, id: string, from: number, to: number): CounterBump[] {
  return [
    { kind, id, metric: 'RATING_SUM', delta: to - from },
    { kind, id, metric: `RATING_${from}` as CounterBump['metric'], delta: -1 },
    { kind, id, metric: `RATING_${to}` as CounterBump['metric'], delta: 1 },
  ];
}

function pathOf(kind: ReviewableKind, id: string): string {
  return kind === 'MODEL' ? `/models/${id}` : `/templates/${id}`;
}

function toPage(rows: ReviewRow[], first: number): Page<ReviewRow> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeReviewCursor(node), node }));
  return { nodes, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

export function encodeReviewCursor(r: { createdAt: Date; id: string }): string {
  return Buffer.from(`review:${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
}

/** The position a cursor names; anything else is INVALID_CURSOR. */
export function decodeReviewCursor(cursor: string): ReviewCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^review:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|([0-9a-f-]{36})$/.exec(text);
  const createdAt = match ? new Date(match[1]!) : null;
  if (!match || !createdAt || Number.isNaN(createdAt.getTime()))
    throw new ValidationError('INVALID_CURSOR', 'The cursor is not valid for this list');
  return { createdAt, id: match[2]! };
}
