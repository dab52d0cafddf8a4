import { preload } from '@lookbook/core';
import type { ReviewRow } from '../reviews/review';
import type { ReviewEligibility as Eligibility } from '../reviews/review.service';
import type { Review, ReviewEligibility } from './review.objects';

export function toReview(r: ReviewRow): Review {
  // "You found it helpful" came with the row: its resolver (a statement of its own) is skipped.
  return preload<Review>(
    {
      id: r.id,
      subjectKind: r.subjectKind,
      subjectId: r.subjectId,
      subjectName: r.subjectName,
      author: { ...r.author },
      rating: r.rating,
      body: r.body,
      licenseTier: r.licenseTier,
      verified: r.licenseHeld,
      helpfulCount: r.helpfulCount,
      editCount: r.revision - 1,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      reply: r.reply && { ...r.reply },
    },
    { viewerFoundHelpful: r.viewerVoted },
  );
}

export function toReviewEligibility(e: Eligibility): ReviewEligibility {
  return { ...e, review: e.review && toReview(e.review) };
}
