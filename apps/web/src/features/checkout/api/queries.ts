import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { checkoutKeys } from './keys';

const OrderQuery = graphql(`
  query Order($id: UUID!) {
    order(id: $id) {
      id
      itemName
      status
      amount
      currency
      createdAt
      paidAt
      refundedAmount
      checkoutUrl
      lastPaymentError
      lines {
        id
        position
        itemName
        tier
        amount
        refundedAmount
        status
        licenseId
        unavailableReason
        subjectId
        subjectKind
        seller {
          handle
          displayName
        }
      }
      refunds {
        id
        amount
        status
        reason
        note
        createdAt
        lines {
          lineId
          amount
        }
      }
    }
  }
`);

/** An order: its lines, their licences and refunds (the page polls it while something is pending). */
export const orderQuery = (id: string) =>
  queryOptions({ queryKey: checkoutKeys.order(id), queryFn: () => execute(OrderQuery, { id }) });
