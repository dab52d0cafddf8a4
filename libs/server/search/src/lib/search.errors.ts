import { ConflictError, NotFoundError, UnavailableError, ValidationError } from '@lookbook/kernel';

export const SearchErrors = {
  queryTooLong: (max: number) =>
    new ValidationError('SEARCH_QUERY_TOO_LONG', `A search is at most ${max} characters`, { field: 'query', max }),
  invalidFirst: (max: number) =>
    new ValidationError('SEARCH_INVALID_FIRST', `Ask for 1 to ${max} results at a time`, { field: 'first', max }),
  invalidCursor: () =>
    new ValidationError('SEARCH_INVALID_CURSOR', 'This cursor belongs to another search; start again from the top', {
      field: 'after',
    }),
  invalidFilter: (field: string, message: string) => new ValidationError('SEARCH_INVALID_FILTER', message, { field }),
  /** A price filter in a currency Lookbook does not sell in (codes are ISO 4217, upper case, from the kernel's list). */
  unsupportedCurrency: (currency: string, supported: readonly string[]) =>
    new ValidationError(
      'SEARCH_UNSUPPORTED_CURRENCY',
      /^[a-z]{3}$/.test(currency) && supported.includes(currency.toUpperCase())
        ? `Currency codes are upper case: "${currency.toUpperCase()}", not "${currency}"`
        : `Lookbook does not sell in "${currency}"; prices are in ${supported.join(', ')}`,
      { field: 'filters.maxPrice.currency', currency },
    ),
  unknownFacet: (facet: string) =>
    new ValidationError('SEARCH_UNKNOWN_FACET', `There is no facet named "${facet}"`, { field: 'facet' }),
  invalidSavedSearchName: (max: number) =>
    new ValidationError('SAVED_SEARCH_INVALID_NAME', `A saved search's name is at most ${max} characters`, {
      field: 'name',
      max,
    }),
  savedSearchNotFound: () => new NotFoundError('SAVED_SEARCH_NOT_FOUND', 'No such saved search'),
  tooManySavedSearches: (max: number) =>
    new ConflictError('SAVED_SEARCH_LIMIT', `You can keep at most ${max} saved searches; delete one to save another`, {
      max,
    }),
  /** The engine did not answer: writes still succeed (the outbox holds them); the client may retry. */
  unavailable: () => new UnavailableError('SEARCH_UNAVAILABLE', 'Search is unavailable right now, try again shortly'),
};
