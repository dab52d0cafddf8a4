import { Injectable } from '@nestjs/common';
import type { Actor, RateLimitRule } from '@lookbook/core';
import { Clock, RateLimiter, Transactions } from '@lookbook/core';
import { newId } from '@lookbook/kernel';
import type { SearchRequestInput } from '../query/search-request';
import { SearchErrors } from '../search.errors';
import { MAX_SAVED_SEARCHES, normaliseSavedSearch, savedSearchName } from './saved-search-rules';
import type { SavedSearch } from './saved-search.repository';
import { SavedSearchRepository } from './saved-search.repository';

/** Saving, renaming and deleting saved searches, per account (duplicates and failures included). */
export const SAVED_SEARCH_WRITES: RateLimitRule = { name: 'saved-search-account', points: 30, durationSeconds: 60 };

/**
 * A member's saved searches: save (idempotent: the same search saved twice is one saved search), list, rename,
 * delete. At most `MAX_SAVED_SEARCHES` each; every write is rate-limited per account; bad input is a typed error and
 * changes nothing.
 */
@Injectable()
export class SavedSearchService {
  constructor(
    private readonly saved: SavedSearchRepository,
    private readonly transactions: Transactions,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
  ) {}

  async save(
    actor: Actor,
    input: Omit<SearchRequestInput, 'first' | 'after' | 'hidden'>,
    name?: string | null,
  ): Promise<SavedSearch> {
    await this.limiter.consume(SAVED_SEARCH_WRITES, actor.userId);
    const { request, hash } = normaliseSavedSearch(input);
    const title = savedSearchName(name, request);
    return this.transactions.run(async (manager) => {
      const count = await this.saved.lockCount(manager, actor.userId);
      const { search, created } = await this.saved.create(manager, {
        id: newId(),
        userId: actor.userId,
        name: title,
        request,
        requestHash: hash,
        at: this.clock.now(),
      });
      // Saving one already saved is answered even at the limit: nothing new is kept.
      if (created && count >= MAX_SAVED_SEARCHES) throw SearchErrors.tooManySavedSearches(MAX_SAVED_SEARCHES);
      return search;
    });
  }

  list(actor: Actor): Promise<SavedSearch[]> {
    return this.saved.listOf(actor.userId);
  }

  async rename(actor: Actor, id: string, name: string): Promise<SavedSearch> {
    await this.limiter.consume(SAVED_SEARCH_WRITES, actor.userId);
    if (!name.trim()) throw SearchErrors.invalidSavedSearchName(80);
    const renamed = await this.saved.rename(actor.userId, id, savedSearchName(name, EMPTY), this.clock.now());
    if (!renamed) throw SearchErrors.savedSearchNotFound();
    return renamed;
  }

  /** Deletes a saved search; deleting one already gone answers false (a repeat changes nothing). */
  async delete(actor: Actor, id: string): Promise<boolean> {
    await this.limiter.consume(SAVED_SEARCH_WRITES, actor.userId);
    return this.saved.remove(actor.userId, id);
  }
}

/** A name is checked on its own when renaming (the request only fills in a missing one). */
const EMPTY = normaliseSavedSearch({}).request;
