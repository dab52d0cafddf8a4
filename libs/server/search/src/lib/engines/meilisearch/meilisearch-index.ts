import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import type { EnqueuedTaskPromise } from 'meilisearch';
import type { AppConfig } from '@lookbook/core';
import type { SearchDocument } from '../../documents/search-document';
import type { SynonymRepository } from '../../documents/synonym.repository';
import { meiliSettings, toMeiliDocument } from './meilisearch-documents';

/** Documents per `addDocuments` call: well under Meilisearch's payload limit, few tasks per reindex. */
export const MEILI_BATCH = 1000;

/** A Meilisearch task that ended in anything but `succeeded`: the write did not happen, and is retried. */
export class SearchIndexError extends Error {
  constructor(
    readonly taskUid: number,
    readonly status: string,
    readonly code: string | undefined,
    message: string | undefined,
  ) {
    super(`Meilisearch task ${taskUid} ${status}${code ? ` (${code})` : ''}${message ? `: ${message}` : ''}`);
  }
}

/**
 * The Meilisearch indexes and their client, shared by every part of the engine. The index uids are ours alone
 * (`<prefix>_models`, and `<prefix>_models__next` while a reindex builds). Every write waits for its task and fails
 * unless the task `succeeded` (the client's `waitTask` resolves on failure too), so the relay's job is retried.
 */
export class MeilisearchIndex {
  readonly client: Meilisearch;
  readonly live: string;
  readonly next: string;
  private settingsApplied = false;

  constructor(
    config: AppConfig,
    private readonly synonyms: SynonymRepository,
  ) {
    const { meiliUrl, meiliApiKey, meiliIndexPrefix, meiliTaskTimeoutMs } = config.search;
    this.client = new Meilisearch({
      host: meiliUrl ?? 'http://127.0.0.1:7700',
      apiKey: meiliApiKey,
      timeout: 10_000,
      defaultWaitOptions: { timeout: meiliTaskTimeoutMs, interval: 50 },
    });
    this.live = `${meiliIndexPrefix}_models`;
    this.next = `${meiliIndexPrefix}_models__next`;
  }

  /** Creates the index if missing and applies the settings; once per process unless it fails. */
  async ready(): Promise<void> {
    if (this.settingsApplied) return;
    await this.prepareIndex(this.live);
    this.settingsApplied = true;
  }

  /** Deletes an index and waits for it; one that does not exist is already gone. */
  async dropIndex(uid: string): Promise<void> {
    const task = await this.client.deleteIndex(uid).waitTask();
    if (task.status !== 'succeeded' && task.error?.code !== 'index_not_found')
      throw new SearchIndexError(task.uid, task.status, task.error?.code, task.error?.message);
  }

  /** Creates the index if missing (waiting for it) and applies the settings. */
  async prepareIndex(uid: string): Promise<void> {
    const created = await this.client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists')
      throw new SearchIndexError(created.uid, created.status, created.error?.code, created.error?.message);
    await this.check(this.client.index(uid).updateSettings(meiliSettings(await this.synonyms.all())));
  }

  /**
   * The live index, and the one being built when a reindex runs. Asked fresh on every write, inside the caller's
   * per-model lock: a write that saw no `__next` committed before the rebuild read that model.
   */
  async writeTargets(): Promise<string[]> {
    try {
      await this.client.index(this.next).getRawInfo();
      return [this.live, this.next];
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return [this.live];
      throw error;
    }
  }

  /** Upserts documents in batches of `MEILI_BATCH`, each task awaited. */
  async addDocuments(uid: string, documents: readonly SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += MEILI_BATCH) {
      const batch = documents.slice(i, i + MEILI_BATCH).map(toMeiliDocument);
      await this.check(this.client.index(uid).addDocuments(batch, { primaryKey: 'id' }));
    }
  }

  /** Waits for a task; anything but `succeeded` throws `SearchIndexError`. */
  async check(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.status !== 'succeeded')
      throw new SearchIndexError(task.uid, task.status, task.error?.code, task.error?.message);
  }
}
