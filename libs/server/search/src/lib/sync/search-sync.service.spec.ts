import { Transactions } from '@lookbook/core';
import { InlineTransactions, newTestService, TEST_MANAGER } from '@lookbook/testing';
import { ModelDocumentRepository } from '../documents/model-document.repository';
import type { SearchDocument } from '../documents/search-document';
import { TemplateDocumentRepository } from '../documents/template-document.repository';
import { SearchIndexMaintenance } from '../engines/search-index-maintenance';
import { SearchIndexWriter } from '../engines/search-index-writer';
import { SearchOutboxRepository } from './search-outbox.repository';
import { COUNTS_BATCH, SearchSyncService } from './search-sync.service';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => id(from + i));
const doc = (docId: string) => ({ id: docId }) as SearchDocument;

function setUp() {
  const transactions = new InlineTransactions();
  const { sut, mock } = newTestService(SearchSyncService, [[Transactions, transactions]]);
  const models = mock(ModelDocumentRepository);
  const templates = mock(TemplateDocumentRepository);
  const writer = mock(SearchIndexWriter);
  const index = mock(SearchIndexMaintenance);
  const outbox = mock(SearchOutboxRepository);
  Object.assign(index, { name: 'postgres' });
  outbox.lockDocuments.mockResolvedValue(undefined);
  writer.upsert.mockResolvedValue(undefined);
  writer.delete.mockResolvedValue(undefined);
  // By default every id asked for is published (a document is built for it).
  for (const source of [models, templates])
    source.build.mockImplementation(async (asked: readonly string[]) => asked.map(doc));
  return { sut, transactions, models, templates, writer, index, outbox };
}

/** The order calls happened in, by name. */
function order(calls: Record<string, jest.Mock>): string[] {
  return Object.entries(calls)
    .flatMap(([name, fn]) => fn.mock.invocationCallOrder.map((at) => [at, name] as const))
    .sort(([a], [b]) => a - b)
    .map(([, name]) => name);
}

describe('SearchSyncService.sync (the relay)', () => {
  it('upserts what is published now and deletes the rest, under the documents’ lock, in one transaction', async () => {
    const { sut, transactions, models, writer, outbox } = setUp();
    const [a, b, gone] = ids(1, 3);
    models.build.mockResolvedValue([doc(a!), doc(b!)]);
    await sut.sync('MODEL', [a!, b!, gone!]);
    expect(transactions.count).toBe(1);
    expect(outbox.lockDocuments).toHaveBeenCalledWith(TEST_MANAGER, [a, b, gone]);
    expect(models.build).toHaveBeenCalledWith([a, b, gone], TEST_MANAGER);
    expect(writer.upsert).toHaveBeenCalledWith([doc(a!), doc(b!)]);
    expect(writer.delete).toHaveBeenCalledWith([gone]);
    // Locked before reading the state; the index written after reading it.
    expect(
      order({ lock: outbox.lockDocuments, build: models.build, upsert: writer.upsert, delete: writer.delete }),
    ).toEqual(['lock', 'build', 'upsert', 'delete']);
  });

  it.each([
    [1, [1]],
    [500, [500]],
    [501, [500, 1]],
    [1234, [500, 500, 234]],
  ])('syncs %i ids in pages of 500, a transaction each (%p)', async (count, pages) => {
    const { sut, transactions, models, outbox } = setUp();
    const all = ids(1, count);
    await sut.syncModels(all);
    expect(transactions.count).toBe(pages.length);
    expect(outbox.lockDocuments.mock.calls.map(([, page]) => page.length)).toEqual(pages);
    expect(models.build.mock.calls.flatMap(([page]) => page)).toEqual(all);
  });

  it('builds templates with the template source', async () => {
    const { sut, models, templates, writer } = setUp();
    await sut.sync('TEMPLATE', [id(7)]);
    expect(templates.build).toHaveBeenCalledWith([id(7)], TEST_MANAGER);
    expect(models.build).not.toHaveBeenCalled();
    expect(writer.delete).toHaveBeenCalledWith([]);
  });

  it('fails when the engine refuses a write (the job is retried), leaving later pages for the retry', async () => {
    const { sut, writer, models } = setUp();
    writer.upsert.mockRejectedValueOnce(new Error('engine down'));
    await expect(sut.syncModels(ids(1, 700))).rejects.toThrow('engine down');
    expect(models.build).toHaveBeenCalledTimes(1);
  });
});

describe('SearchSyncService.refreshTrending', () => {
  it('re-syncs every recently liked or licensed model and template', async () => {
    const { sut, models, templates, writer } = setUp();
    models.recentlyActiveIds.mockResolvedValue([id(1), id(2)]);
    templates.recentlyActiveIds.mockResolvedValue([id(3)]);
    expect(await sut.refreshTrending()).toBe(3);
    expect(models.build).toHaveBeenCalledWith([id(1), id(2)], TEST_MANAGER);
    expect(templates.build).toHaveBeenCalledWith([id(3)], TEST_MANAGER);
    expect(writer.upsert.mock.calls.flatMap(([docs]) => docs.map((d) => d.id))).toEqual([id(1), id(2), id(3)]);
  });
});

describe('SearchSyncService.flushCounts (counts reach the index in batches)', () => {
  const subject = (kind: 'MODEL' | 'TEMPLATE', n: number) => ({ kind, id: id(n) });

  it('re-reads every stale subject once, by kind, and stops when the set is empty', async () => {
    const { sut, models, templates, outbox } = setUp();
    outbox.takeStaleCounts.mockResolvedValueOnce([subject('MODEL', 1), subject('TEMPLATE', 2), subject('MODEL', 3)]);
    expect(await sut.flushCounts()).toBe(3);
    expect(models.build).toHaveBeenCalledWith([id(1), id(3)], TEST_MANAGER);
    expect(templates.build).toHaveBeenCalledWith([id(2)], TEST_MANAGER);
    // A short batch means the set was drained: no second take.
    expect(outbox.takeStaleCounts).toHaveBeenCalledTimes(1);
  });

  it('takes full batches until one comes back short', async () => {
    const { sut, models, outbox } = setUp();
    const full = Array.from({ length: COUNTS_BATCH }, (_, i) => subject('MODEL', i + 1));
    outbox.takeStaleCounts
      .mockResolvedValueOnce(full)
      .mockResolvedValueOnce([subject('MODEL', 9999)])
      .mockResolvedValue([]);
    expect(await sut.flushCounts()).toBe(COUNTS_BATCH + 1);
    expect(outbox.takeStaleCounts).toHaveBeenCalledTimes(2);
    expect(models.build).toHaveBeenCalledTimes(2);
  });

  it('does nothing when no count changed', async () => {
    const { sut, models, outbox } = setUp();
    outbox.takeStaleCounts.mockResolvedValue([]);
    expect(await sut.flushCounts()).toBe(0);
    expect(models.build).not.toHaveBeenCalled();
  });

  it('puts a failed batch back and fails, so the next run retries it', async () => {
    const { sut, writer, outbox } = setUp();
    const taken = [subject('MODEL', 1), subject('TEMPLATE', 2)];
    outbox.takeStaleCounts.mockResolvedValueOnce(taken);
    outbox.restoreStaleCounts.mockResolvedValue(undefined);
    writer.upsert.mockRejectedValue(new Error('engine down'));
    await expect(sut.flushCounts()).rejects.toThrow('engine down');
    expect(outbox.restoreStaleCounts).toHaveBeenCalledWith(taken);
  });
});

describe('SearchSyncService.reconcile', () => {
  /** The engine's ids of a kind, served 2 at a time with its own cursor. */
  function indexed(index: ReturnType<typeof setUp>['index'], byKind: Record<string, string[]>) {
    index.indexedIds.mockImplementation(async (kind, cursor) => {
      const all = byKind[kind] ?? [];
      const at = cursor ? Number(cursor) : 0;
      return { ids: all.slice(at, at + 2), next: at + 2 < all.length ? String(at + 2) : null };
    });
  }

  it('syncs the ids missing from the index and those indexed but no longer published, kind by kind', async () => {
    const { sut, models, templates, index, writer } = setUp();
    models.publishedIds.mockResolvedValueOnce([id(1), id(2), id(3)]);
    templates.publishedIds.mockResolvedValueOnce([id(10)]);
    indexed(index, { MODEL: [id(1), id(3), id(4), id(5), id(6)], TEMPLATE: [id(10)] });
    // 4, 5 and 6 are not published any more: their build yields nothing.
    models.build.mockImplementation(async (asked: readonly string[]) =>
      asked.filter((i) => [id(1), id(2), id(3)].includes(i)).map(doc),
    );
    expect(await sut.reconcile()).toEqual({ checked: 4, upserted: 1, deleted: 3 });
    expect(models.build).toHaveBeenCalledWith([id(2), id(4), id(5), id(6)], TEST_MANAGER);
    expect(writer.upsert).toHaveBeenCalledWith([doc(id(2))]);
    expect(writer.delete).toHaveBeenCalledWith([id(4), id(5), id(6)]);
    // Nothing drifted among the templates: nothing to read or write.
    expect(templates.build).not.toHaveBeenCalled();
  });

  it('walks published ids in pages of 500 (the last id is the next cursor)', async () => {
    const { sut, models, templates, index } = setUp();
    const published = ids(1, 1001);
    models.publishedIds.mockImplementation(async (after, limit) => {
      const from = after ? published.indexOf(after) + 1 : 0;
      return published.slice(from, from + limit);
    });
    templates.publishedIds.mockResolvedValue([]);
    indexed(index, { MODEL: published, TEMPLATE: [] });
    expect(await sut.reconcile()).toEqual({ checked: 1001, upserted: 0, deleted: 0 });
    expect(models.publishedIds.mock.calls).toEqual([
      [null, 500],
      [id(500), 500],
      [id(1000), 500],
    ]);
  });
});

describe('SearchSyncService.reindex', () => {
  it('begins a rebuild, writes every published page under the documents’ lock, finishes, then reconciles', async () => {
    const { sut, models, templates, index, outbox, writer } = setUp();
    const published = ids(1, 501);
    models.publishedIds.mockImplementation(async (after, limit) => {
      const from = after ? published.indexOf(after) + 1 : 0;
      return published.slice(from, from + limit);
    });
    templates.publishedIds.mockResolvedValue([id(900)]);
    index.beginRebuild.mockResolvedValue(undefined);
    index.writeRebuild.mockResolvedValue(undefined);
    index.finishRebuild.mockResolvedValue(undefined);
    index.indexedIds.mockImplementation(async (kind) => ({
      ids: kind === 'MODEL' ? published : [id(900)],
      next: null,
    }));
    expect(await sut.reindex()).toBe(502);
    expect(index.writeRebuild.mock.calls.map(([docs]) => docs.length)).toEqual([500, 1, 1]);
    expect(outbox.lockDocuments.mock.calls.map(([, page]) => page.length)).toEqual([500, 1, 1]);
    expect(
      order({
        begin: index.beginRebuild,
        write: index.writeRebuild,
        finish: index.finishRebuild,
        check: index.indexedIds,
      }),
    ).toEqual(['begin', 'write', 'write', 'write', 'finish', 'check', 'check']);
    // Pages go to the rebuild, not through the relay's writer; nothing drifted, so reconcile wrote nothing either.
    expect(writer.upsert).not.toHaveBeenCalled();
    expect(writer.delete).not.toHaveBeenCalled();
  });
});

describe('SearchSyncService.indexStatus', () => {
  it('reports the relay’s backlog and the number of indexed documents', async () => {
    const { sut, outbox, index } = setUp();
    outbox.status.mockResolvedValue({ pending: 3, lagSeconds: 1.5, failing: 1 });
    index.count.mockResolvedValue(1234);
    expect(await sut.indexStatus()).toEqual({ pending: 3, lagSeconds: 1.5, failing: 1, documents: 1234 });
  });

  it('still reports the backlog while the engine does not answer', async () => {
    const { sut, outbox, index } = setUp();
    outbox.status.mockResolvedValue({ pending: 40, lagSeconds: 300, failing: 40 });
    index.count.mockRejectedValue(new Error('connect ECONNREFUSED'));
    expect(await sut.indexStatus()).toEqual({ pending: 40, lagSeconds: 300, failing: 40, documents: null });
  });
});
