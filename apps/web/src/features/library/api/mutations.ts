import { graphql } from '../../../gql';

export const RequestRefund = graphql(`
  mutation RequestRefund($orderId: UUID!, $note: String) {
    refundOrder(orderId: $orderId, note: $note) {
      id
      status
      amount
    }
  }
`);
