import type { Tier } from '@lookbook/kernel';
import { ValidationError } from '@lookbook/kernel';

export const REVIEWABLE_KINDS = ['MODEL', 'TEMPLATE'] as const;
export type ReviewableKind = (typeof REVIEWABLE_KINDS)[number];

/** The longest review or reply, in characters (after trimming). */
export const REVIEW_TEXT_MAX = 2000;

export interface ReviewAuthor {
  id: string;
  handle: string;
  displayName: string;
}

export interface ReviewReply {
  body: string;
  repliedAt: Date;
  editedAt: Date | null;
}

/** A review as read: who wrote it, the licence it rests on, and whether that licence is still held. */
export interface ReviewRow {
  id: string;
  subjectKind: ReviewableKind;
  subjectId: string;
  subjectName: string;
  author: ReviewAuthor;
  rating: number;
  body: string;
  licenseTier: Tier;
  /** False once the licence was refunded or revoked and no other is held: no verified mark, not in the average. */
  licenseHeld: boolean;
  helpfulCount: number;
  /** 1 for a review never edited; each edit keeps the previous text in a revision. */
  revision: number;
  createdAt: Date;
  editedAt: Date | null;
  reply: ReviewReply | null;
  /** Whether the reader it was read for found it helpful (false signed out), read with the row. */
  viewerVoted: boolean;
}

/** What a write needs of a stored review, read locked in its transaction. */
export interface ReviewCore {
  id: string;
  subjectKind: ReviewableKind;
  subjectId: string;
  authorId: string;
  rating: number;
  body: string;
  revision: number;
  licenseHeld: boolean;
  createdAt: Date;
  editedAt: Date | null;
  replyBody: string | null;
  repliedAt: Date | null;
}

export interface ReviewRevision {
  revision: number;
  rating: number;
  body: string;
  writtenAt: Date;
}

/** The average of the counted ratings and how many gave each number of stars (index 0: one star). */
export interface RatingSummary {
  average: number | null;
  count: number;
  histogram: [number, number, number, number, number];
}

/** A rating is a whole number of stars, 1 to 5; anything else is INVALID_RATING. */
export function checkRating(rating: number): number {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5)
    throw new ValidationError('INVALID_RATING', 'A rating is a whole number from 1 to 5', { field: 'rating' });
  return rating;
}

/**
 * Review and reply text: plain text (never markup; the client escapes it and keeps line breaks). Line endings become
 * `\n`, control characters other than tab and newline go, runs of more than two blank lines shrink, the ends are
 * trimmed; then 1–2000 characters or INVALID_REVIEW_TEXT.
 */
export function cleanText(text: string, field: 'body' | 'reply'): string {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim();
  const length = [...clean].length;
  if (length < 1 || length > REVIEW_TEXT_MAX)
    throw new ValidationError('INVALID_REVIEW_TEXT', `The text is 1–${REVIEW_TEXT_MAX} characters`, {
      field,
      max: REVIEW_TEXT_MAX,
    });
  return clean;
}

/** The rating summary of a subject from its counters. */
export function ratingSummary(counts: Record<string, number>): RatingSummary {
  const count = counts['RATING_COUNT'] ?? 0;
  const sum = counts['RATING_SUM'] ?? 0;
  const histogram = [1, 2, 3, 4, 5].map((n) => counts[`RATING_${n}`] ?? 0) as RatingSummary['histogram'];
  return { average: count > 0 ? Math.round((sum / count) * 100) / 100 : null, count, histogram };
}
