import { Injectable } from '@nestjs/common';
import { pageSize } from '@lookbook/core';
import type { MoneyReviewRow } from './money-review.repository';
import { MoneyReviewRepository } from './money-review.repository';

/** Support's queue: the cases the money flows deliberately leave to a person, newest first. */
@Injectable()
export class MoneyReviewService {
  constructor(private readonly reviews: MoneyReviewRepository) {}

  items(first?: number): Promise<MoneyReviewRow[]> {
    return this.reviews.items(pageSize({ first }));
  }
}
