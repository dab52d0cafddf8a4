import { Notifier, Transactions } from '@lookbook/core';
import { InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import type { SearchDocument } from '../documents/search-document';
import { TemplateDocumentRepository } from '../documents/template-document.repository';
import { ALERT_BATCH, matchesFor, SavedSearchAlertService } from './saved-search-alerts.service';
import { normaliseSavedSearch } from './saved-search-rules';
import type { NewlyPublished, SavedSearch } from './saved-search.repository';
import { SavedSearchRepository } from './saved-search.repository';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const OWNER = id(900);
const CREATOR = id(901);

const search = (n: number, query: string, over: Partial<SavedSearch> = {}): SavedSearch => ({
  id: id(100 + n),
  userId: OWNER,
  name: query,
  request: normaliseSavedSearch({ query }).request,
  requestHash: `h${n}`,
  afterActivityId: 0,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});
const item = (n: number, over: Partial<NewlyPublished> = {}): NewlyPublished => ({
  activityId: n,
  kind: 'MODEL',
  id: id(n),
  ownerId: CREATOR,
  ...over,
});
const document = (n: number, name: string, ownerId = CREATOR, kind: 'MODEL' | 'TEMPLATE' = 'MODEL') =>
  ({
    kind,
    id: id(n),
    name,
    slug: name.toLowerCase().replace(/ /g, '-'),
    description: '',
    ownerId,
    ownerHandle: 'creator',
    ownerName: 'Creator',
    type: kind === 'MODEL' ? 'LORA' : null,
    baseModelId: null,
    baseModelName: null,
    tags: [],
    triggerWords: [],
    hashes: [],
    maturity: 'SFW',
    tiers: [],
    free: true,
    minPrice: null,
    commercialUse: false,
    derivativesAllowed: false,
    creditRequired: false,
    publishedAt: new Date(),
    downloads: 0,
    likes: 0,
    ratingSum: 0,
    ratingCount: 0,
    trending: 0,
  }) as SearchDocument;

function setUp(state: { cursor: number; activity: NewlyPublished[]; searches: SavedSearch[]; docs: SearchDocument[] }) {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(SavedSearchAlertService, [[Transactions, transactions]]);
  const saved = mock(SavedSearchRepository);
  const notifier = mock(Notifier);
  saved.lockCursor.mockImplementation(async () => state.cursor);
  saved.moveCursor.mockImplementation(async (_m, to) => void (state.cursor = to));
  saved.activityAfter.mockImplementation(async (_m, after, limit) => {
    const rows = state.activity.filter((a) => a.activityId > after).slice(0, limit);
    return { lastId: rows.length ? rows[rows.length - 1]!.activityId : null, published: rows };
  });
  saved.page.mockImplementation(async (_m, after) => (after ? [] : state.searches));
  saved.blockedPairs.mockResolvedValue(new Set());
  notifier.notify.mockResolvedValue(undefined);
  for (const source of [mock(ModelDocumentRepository), mock(TemplateDocumentRepository)])
    source.build.mockImplementation(async (ids: readonly string[]) => state.docs.filter((d) => ids.includes(d.id)));
  return { sut, saved, notifier, transactions };
}

describe('SavedSearchAlertService.run (batched alerts)', () => {
  it('sends one notification per saved search per batch, counting its matches, linking to the search', async () => {
    const state = {
      cursor: 0,
      activity: [item(1), item(2), item(3, { kind: 'TEMPLATE' }), item(4)],
      searches: [search(1, 'neon city'), search(2, 'desert')],
      docs: [
        document(1, 'Neon City Nights'),
        document(2, 'Neon City Rain'),
        document(3, 'Neon City Flow', CREATOR, 'TEMPLATE'),
        document(4, 'Forest Light'),
      ],
    };
    const { sut, notifier } = setUp(state);
    expect(await sut.run()).toEqual({ published: 4, notified: 1 });
    expect(notifier.notify).toHaveBeenCalledTimes(1);
    expect(notifier.notify).toHaveBeenCalledWith(TEST_MANAGER, {
      recipientId: OWNER,
      kind: 'SAVED_SEARCH_MATCH',
      actorId: null,
      subjectKind: 'SAVED_SEARCH',
      subjectId: id(101),
      text: '3 new matches for “neon city”',
      url: '/browse?q=neon+city',
      dedupeKey: `search.saved-search:${id(101)}:0-4`,
    });
    expect(state.cursor).toBe(4);
  });

  it('a replayed run finds nothing after the cursor and changes nothing', async () => {
    const state = { cursor: 0, activity: [item(1)], searches: [search(1, 'neon')], docs: [document(1, 'Neon')] };
    const { sut, notifier } = setUp(state);
    await sut.run();
    await sut.run();
    expect(notifier.notify).toHaveBeenCalledTimes(1);
  });

  it('moves the cursor past activity with no match, and past new versions of older work', async () => {
    const state = { cursor: 0, activity: [item(7)], searches: [search(1, 'neon')], docs: [document(7, 'Forest')] };
    const { sut, notifier } = setUp(state);
    expect(await sut.run()).toEqual({ published: 1, notified: 0 });
    expect(notifier.notify).not.toHaveBeenCalled();
    expect(state.cursor).toBe(7);
  });

  it('works through a backlog in batches of ALERT_BATCH, one notification per batch', async () => {
    const activity = Array.from({ length: ALERT_BATCH + 3 }, (_, i) => item(i + 1));
    const docs = activity.map((a) => document(a.activityId, `Neon ${a.activityId}`));
    const state = { cursor: 0, activity, searches: [search(1, 'neon')], docs };
    const { sut, notifier, transactions } = setUp(state);
    expect(await sut.run()).toEqual({ published: ALERT_BATCH + 3, notified: 2 });
    expect(notifier.notify.mock.calls.map(([, e]) => e.text)).toEqual([
      `${ALERT_BATCH} new matches for “neon”`,
      '3 new matches for “neon”',
    ]);
    expect(notifier.notify.mock.calls.map(([, e]) => e.dedupeKey)).toEqual([
      `search.saved-search:${id(101)}:0-${ALERT_BATCH}`,
      `search.saved-search:${id(101)}:${ALERT_BATCH}-${ALERT_BATCH + 3}`,
    ]);
    expect(transactions.count).toBe(2);
  });

  it('fails without moving the cursor when a notification cannot be written (the queue retries)', async () => {
    const state = { cursor: 0, activity: [item(1)], searches: [search(1, 'neon')], docs: [document(1, 'Neon')] };
    const { sut, notifier, saved } = setUp(state);
    notifier.notify.mockRejectedValue(new Error('down'));
    await expect(sut.run()).rejects.toThrow('down');
    expect(saved.moveCursor).not.toHaveBeenCalled();
  });
});

describe('matchesFor (who may be told)', () => {
  const docs = new Map([
    [id(1), document(1, 'Neon One')],
    [id(2), document(2, 'Neon Mine', OWNER)],
  ]);

  it('leaves out the owner’s own work', () => {
    expect(
      matchesFor(search(1, 'neon'), [item(1), item(2, { ownerId: OWNER })], docs, new Set()).map((m) => m.id),
    ).toEqual([id(1)]);
  });

  it('leaves out work across a block, either way', () => {
    expect(matchesFor(search(1, 'neon'), [item(1)], docs, new Set([`${OWNER}:${CREATOR}`]))).toEqual([]);
  });

  it('leaves out what was published before the search was saved', () => {
    expect(matchesFor(search(1, 'neon', { afterActivityId: 1 }), [item(1)], docs, new Set())).toEqual([]);
    expect(matchesFor(search(1, 'neon', { afterActivityId: 0 }), [item(1)], docs, new Set())).toHaveLength(1);
  });

  it('leaves out what is no longer published (no document)', () => {
    expect(matchesFor(search(1, 'neon'), [item(3)], docs, new Set())).toEqual([]);
  });
});
