import { Clock, RateLimiter, Transactions } from '@lookbook/core';
import { RateLimitedError } from '@lookbook/kernel';
import { anActor, InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { MAX_SAVED_SEARCHES, normaliseSavedSearch } from './saved-search-rules';
import type { SavedSearch } from './saved-search.repository';
import { SavedSearchRepository } from './saved-search.repository';
import { SAVED_SEARCH_WRITES, SavedSearchService } from './saved-search.service';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const actor = anActor(id(1));
const NOW = new Date('2026-12-07T12:00:00Z');

function setUp(count = 0, created = true) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(SavedSearchService, [[Transactions, transactions]]);
  const saved = mock(SavedSearchRepository);
  const limiter = mock(RateLimiter);
  limiter.consume.mockResolvedValue(undefined);
  mock(Clock).now.mockReturnValue(NOW);
  saved.lockCount.mockResolvedValue(count);
  saved.create.mockImplementation(async (_m, row) => ({
    search: { ...row, afterActivityId: 0, createdAt: row.at, updatedAt: row.at } as unknown as SavedSearch,
    created,
  }));
  return { sut, saved, limiter, transactions };
}

describe('SavedSearchService', () => {
  it('saves the normalised search with a name made from it, under the account’s rate limit', async () => {
    const { sut, saved, limiter } = setUp();
    await sut.save(actor, { query: '  Neon  city ', filters: { tags: ['Night'] } });
    expect(limiter.consume).toHaveBeenCalledWith(SAVED_SEARCH_WRITES, actor.userId);
    expect(saved.create).toHaveBeenCalledWith(
      TEST_MANAGER,
      expect.objectContaining({
        userId: actor.userId,
        name: 'Neon city',
        request: expect.objectContaining({ query: 'Neon city' }),
        requestHash: normaliseSavedSearch({ query: 'neon city', filters: { tags: ['night'] } }).hash,
        at: NOW,
      }),
    );
  });

  it('refuses a new saved search past the limit (in the transaction: nothing is kept)', async () => {
    const { sut } = setUp(MAX_SAVED_SEARCHES, true);
    await expect(sut.save(actor, { query: 'one more' })).rejects.toMatchObject({ code: 'SAVED_SEARCH_LIMIT' });
  });

  it('answers a search already saved even at the limit (nothing new is kept)', async () => {
    const { sut } = setUp(MAX_SAVED_SEARCHES, false);
    await expect(sut.save(actor, { query: 'again' })).resolves.toMatchObject({ name: 'again' });
  });

  it.each([
    [{ query: 'x'.repeat(201) }, undefined, 'SEARCH_QUERY_TOO_LONG'],
    [{ filters: { tags: ['<b>'] } }, undefined, 'SEARCH_INVALID_FILTER'],
    [{ query: 'ok' }, 'n'.repeat(81), 'SAVED_SEARCH_INVALID_NAME'],
  ])('rejects bad input before writing: %p', async (input, name, code) => {
    const { sut, saved, transactions } = setUp();
    await expect(sut.save(actor, input, name)).rejects.toMatchObject({ code });
    expect(saved.create).not.toHaveBeenCalled();
    expect(transactions.count).toBe(0);
  });

  it('is rate-limited: a burst gets RATE_LIMITED and writes nothing', async () => {
    const { sut, saved, limiter } = setUp();
    limiter.consume.mockRejectedValue(new RateLimitedError(30));
    await expect(sut.save(actor, { query: 'x' })).rejects.toBeInstanceOf(RateLimitedError);
    await expect(sut.rename(actor, id(5), 'y')).rejects.toBeInstanceOf(RateLimitedError);
    await expect(sut.delete(actor, id(5))).rejects.toBeInstanceOf(RateLimitedError);
    expect(saved.create).not.toHaveBeenCalled();
    expect(saved.rename).not.toHaveBeenCalled();
    expect(saved.remove).not.toHaveBeenCalled();
  });

  it('renames only the member’s own saved search; another’s or a missing one is not found', async () => {
    const { sut, saved } = setUp();
    saved.rename.mockResolvedValueOnce({ id: id(5), name: 'Rainy' } as SavedSearch).mockResolvedValueOnce(null);
    await expect(sut.rename(actor, id(5), '  Rainy ')).resolves.toMatchObject({ name: 'Rainy' });
    expect(saved.rename).toHaveBeenCalledWith(actor.userId, id(5), 'Rainy', NOW);
    await expect(sut.rename(actor, id(6), 'x')).rejects.toMatchObject({ code: 'SAVED_SEARCH_NOT_FOUND' });
  });

  it.each(['', '   ', 'n'.repeat(81)])('refuses the name %p', async (name) => {
    const { sut, saved } = setUp();
    await expect(sut.rename(actor, id(5), name)).rejects.toMatchObject({ code: 'SAVED_SEARCH_INVALID_NAME' });
    expect(saved.rename).not.toHaveBeenCalled();
  });

  it('deletes idempotently', async () => {
    const { sut, saved } = setUp();
    saved.remove.mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    expect(await sut.delete(actor, id(5))).toBe(true);
    expect(await sut.delete(actor, id(5))).toBe(false);
  });
});
