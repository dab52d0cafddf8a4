import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnavailableError,
  ValidationError,
} from '@lookbook/kernel';

export const CommerceErrors = {
  orderNotFound: () => new NotFoundError('ORDER_NOT_FOUND', 'Order not found'),
  freeOffer: () =>
    new ValidationError('FREE_OFFER_NOT_SOLD', 'Free licences are claimed (claimFreeLicense), not bought'),
  invalidPrice: () =>
    new ValidationError('INVALID_PRICE', 'This offer has no valid price (a positive whole amount of minor units)'),
  notPaid: () =>
    new ConflictError('ORDER_NOT_PAID', 'This order has not been paid (or its payment is not confirmed yet)'),
  nothingToRefund: () => new ConflictError('NOTHING_TO_REFUND', 'This order has nothing left to refund'),
  invalidRefundAmount: (max: number) =>
    new ValidationError('INVALID_REFUND_AMOUNT', `A refund is a whole amount of minor units from 1 to ${max}`, { max }),
  refundWindowClosed: (days: number) =>
    new ForbiddenError(
      'REFUND_WINDOW_CLOSED',
      `Refunds can be requested within ${days} days of purchase; ask the creator or support after that`,
    ),
  partialRefundByBuyer: () =>
    new ValidationError('BUYER_REFUNDS_ARE_FULL', 'Buyers request full refunds; creators may refund part of a sale'),
  disputed: () => new ConflictError('ORDER_DISPUTED', 'This payment is disputed: refunds wait for the outcome'),
  providerUnavailable: () =>
    new UnavailableError('PAYMENT_PROVIDER_UNAVAILABLE', 'The payment provider did not answer; try again shortly'),
  alreadyOnboarded: () =>
    new ConflictError('PAYOUTS_ALREADY_ENABLED', 'Your payout account is already set up and can receive payouts'),
  invalidEarningsDays: (max: number) =>
    new ValidationError('INVALID_EARNINGS_DAYS', `Earnings by day cover 1 to ${max} days`, { field: 'days', max }),
  // ---- orders of several licences ----
  emptyOrder: () => new ValidationError('EMPTY_ORDER', 'Choose at least one licence offer to buy'),
  tooManyLines: (max: number) =>
    new ValidationError('TOO_MANY_ORDER_LINES', `One checkout buys at most ${max} licences`, { max }),
  duplicateOffers: (offerIds: string[]) =>
    new ValidationError('DUPLICATE_OFFERS', 'Each offer can be in a checkout once', { offerIds }),
  sameVersionTwice: (offerIds: string[]) =>
    new ValidationError(
      'OFFERS_FOR_SAME_VERSION',
      'Two of these offers license the same version: choose one tier of it',
      { offerIds },
    ),
  mixedCurrencies: (currencies: string[]) =>
    new ValidationError(
      'MIXED_CURRENCIES',
      `One checkout is paid in one currency; these offers are priced in ${currencies.join(', ')}`,
      { currencies },
    ),
  /** A licensing refusal of one offer of a multi-offer checkout: the same code and sentence, naming the offer. */
  offerRefused: (offerId: string, error: DomainError) =>
    new DomainError(error.code, error.category, error.message, { ...error.details, offerId }),
  lineNotFound: () => new NotFoundError('ORDER_LINE_NOT_FOUND', 'This order has no such line'),
  lineRequired: () =>
    new ValidationError(
      'ORDER_LINE_REQUIRED',
      'This order has several licences: name the line to refund part of it (or one you may refund)',
    ),
  invalidReturnPath: () =>
    new ValidationError('INVALID_RETURN_PATH', 'A return path is a path on this site, like /earnings'),
};
