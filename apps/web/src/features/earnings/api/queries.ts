import { queryOptions } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { earningsKeys } from './keys';

const Earnings = graphql(`
  query Earnings {
    myEarnings {
      currency
      pending
      available
      paidOut
      lifetimeEarnings
    }
    myEarningsByDay(days: 90) {
      currency
      total
      days {
        day
        amount
      }
    }
    myPayoutAccount {
      status
      payoutsEnabled
      requirementsDue
      payoutFailureCode
    }
    mySales(first: 20) {
      nodes {
        orderId
        itemName
        tier
        status
        paidAt
        currency
        price
        platformFee
        platformFeeBps
        processorFee
        refundedAmount
        yourShare
        splits {
          role
          shareBps
          amount
          clawedBack
          reversedAmount
          transferAmount
          transferStatus
          transferableAt
          recipient {
            handle
            displayName
          }
        }
      }
    }
    myPayouts(first: 10) {
      nodes {
        id
        amount
        currency
        status
        createdAt
        arrivalDate
        failureCode
      }
    }
  }
`);

/** Balances, the last 90 days, sales with their splits, payouts and the payout account: the whole page. */
export const earningsQuery = () => queryOptions({ queryKey: earningsKeys.summary(), queryFn: () => execute(Earnings) });
