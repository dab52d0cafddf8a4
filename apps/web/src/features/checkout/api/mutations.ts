import { graphql } from '../../../gql';

export const RefundLine = graphql(`
  mutation RefundLine($orderId: UUID!, $lineId: UUID!, $note: String) {
    refundOrder(orderId: $orderId, lineId: $lineId, note: $note) {
      id
      status
      amount
    }
  }
`);
