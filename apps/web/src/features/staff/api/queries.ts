import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { staffKeys } from './keys';

/** Money that needs a person: failed refunds, unrecovered reversals, stalled payment events. */
const ReviewQueue = graphql(`
  query MoneyReviewQueue {
    moneyReviewQueue(first: 100) {
      kind
      detail
      amount
      currency
      orderId
      since
    }
  }
`);

export const reviewQueueQuery = () =>
  queryOptions({ queryKey: staffKeys.reviewQueue(), queryFn: () => execute(ReviewQueue) });
