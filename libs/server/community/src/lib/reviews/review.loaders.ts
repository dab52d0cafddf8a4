import { Injectable } from '@nestjs/common';
import type { LoaderRegistry } from '@lookbook/core';
import { ReviewRepository } from './review.repository';

/** "You found this helpful" for a page of reviews: one statement per request. */
@Injectable()
export class ReviewLoaders {
  constructor(private readonly reviews: ReviewRepository) {}

  voted(loaders: LoaderRegistry, viewerId: string) {
    return loaders.get<string, boolean>(`community.review-voted:${viewerId}`, async (ids) => {
      const voted = await this.reviews.votedAmong(viewerId, ids);
      return ids.map((id) => voted.has(id));
    });
  }
}
