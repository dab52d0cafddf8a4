import { graphql } from '../gql';

/** Starts paying for one licence offer: the provider's checkout page, and the order it pays. */
export const Checkout = graphql(`
  mutation Checkout($offerId: UUID!) {
    checkout(offerId: $offerId) {
      checkoutUrl
      order {
        id
      }
    }
  }
`);
