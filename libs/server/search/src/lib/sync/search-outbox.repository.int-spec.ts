import { randomUUID } from 'node:crypto';
import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import { SearchTasks } from '../search.tasks';
import { SearchOutboxRepository } from './search-outbox.repository';

/**
 * The relay's state against the real job queue (graphile-worker's tables) and the database triggers that fill it:
 * every catalog and template write below enqueues its sync job exactly as in production.
 */
describe('SearchOutboxRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let outbox: SearchOutboxRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    outbox = new SearchOutboxRepository(bed.dataSource);
  });
  afterAll(() => bed.close());
  beforeEach(() => bed.dataSource.query(`DELETE FROM graphile_worker._private_jobs`));

  const q = (sql: string, params: unknown[] = []) => bed.dataSource.query(sql, params);
  const jobOf = async (key: string) =>
    ((await q(`SELECT id FROM graphile_worker.jobs WHERE key = $1`, [key])) as { id: string }[])[0]!.id;

  /** A published model with a published version: its writes left a `search.sync-model` job. */
  async function publishedModel(): Promise<string> {
    const { modelId } = await bed.seed.publishedVersion();
    return modelId;
  }

  async function template(status: string, versionStatus: 'PUBLISHED' | 'DRAFT'): Promise<string> {
    const owner = await bed.seed.user();
    const id = randomUUID();
    await q(
      `INSERT INTO templates.template (id, owner_id, slug, name, status, created_at, updated_at)
       VALUES ($1, $2, $3, 'Flow', $4, now(), now())`,
      [id, owner.id, `flow-${id.slice(0, 8)}`, status],
    );
    await q(
      `INSERT INTO templates.template_version (id, template_id, label, status, api_prompt, lockfile, source_sha256,
         created_at, published_at)
       VALUES ($1, $2, 'v1', $3, '{}', '{"nodes": [], "models": []}', $4, now(), $5)`,
      [randomUUID(), id, versionStatus, 'a'.repeat(64), versionStatus === 'PUBLISHED' ? new Date() : null],
    );
    return id;
  }

  describe('hiddenIds', () => {
    it('is empty when every queued subject is still published', async () => {
      await publishedModel();
      await template('PUBLISHED', 'PUBLISHED');
      expect(await outbox.hiddenIds()).toEqual([]);
    });

    it('names the queued models and templates that are no longer visible, in id order', async () => {
      const visible = await publishedModel();
      const unpublished = await publishedModel();
      const takenDown = await publishedModel();
      const noVersion = await publishedModel();
      await q(`UPDATE catalog.style_model SET status = 'UNPUBLISHED' WHERE id = $1`, [unpublished]);
      await q(`UPDATE catalog.style_model SET status = 'TAKEN_DOWN' WHERE id = $1`, [takenDown]);
      await q(`DELETE FROM catalog.model_version WHERE model_id = $1`, [noVersion]);
      const draftTemplate = await template('DRAFT', 'DRAFT');
      const liveTemplate = await template('PUBLISHED', 'PUBLISHED');
      const unpublishedTemplate = await template('PUBLISHED', 'PUBLISHED');
      await q(`UPDATE templates.template SET status = 'UNPUBLISHED' WHERE id = $1`, [unpublishedTemplate]);
      const hidden = await outbox.hiddenIds();
      expect(hidden).toEqual([unpublished, takenDown, noVersion, draftTemplate, unpublishedTemplate].sort());
      expect(hidden).not.toContain(visible);
      expect(hidden).not.toContain(liveTemplate);
    });

    it('forgets a subject once its sync landed, and a job given up on more than two hours ago', async () => {
      const landed = await publishedModel();
      const givenUp = await publishedModel();
      const retrying = await publishedModel();
      for (const id of [landed, givenUp, retrying])
        await q(`UPDATE catalog.style_model SET status = 'ARCHIVED' WHERE id = $1`, [id]);
      // The relay ran for the first: its job is gone.
      await q(`SELECT graphile_worker.complete_jobs(ARRAY[$1::bigint])`, [await jobOf(`search-model:${landed}`)]);
      // The second used up its attempts long ago (the hourly reconcile has removed its document since).
      await q(
        `UPDATE graphile_worker._private_jobs SET attempts = max_attempts, updated_at = now() - interval '3 hours'
          WHERE id = $1`,
        [await jobOf(`search-model:${givenUp}`)],
      );
      // The third keeps failing while the engine is down, and is still being retried.
      await q(`UPDATE graphile_worker._private_jobs SET attempts = 3, last_error = 'engine down' WHERE id = $1`, [
        await jobOf(`search-model:${retrying}`),
      ]);
      expect(await outbox.hiddenIds()).toEqual([retrying]);
    });
  });

  describe('status', () => {
    it('counts the waiting syncs, the oldest one’s wait and the failing ones, not other tasks', async () => {
      expect(await outbox.status()).toEqual({ pending: 0, lagSeconds: 0, failing: 0 });
      const failing = await publishedModel();
      await template('PUBLISHED', 'PUBLISHED');
      await q(
        `UPDATE graphile_worker._private_jobs SET attempts = 2, last_error = 'engine down',
                created_at = now() - interval '90 seconds'
          WHERE id = $1`,
        [await jobOf(`search-model:${failing}`)],
      );
      await q(`SELECT graphile_worker.add_job('catalog.unrelated', '{}')`);
      const status = await outbox.status();
      expect(status).toMatchObject({ pending: 2, failing: 1 });
      expect(status.lagSeconds).toBeGreaterThanOrEqual(90);
      expect(status.lagSeconds).toBeLessThan(600);
    });

    it('leaves out a job that used up its attempts (superseded or given up on)', async () => {
      const dead = await publishedModel();
      await q(
        `UPDATE graphile_worker._private_jobs SET attempts = max_attempts, last_error = 'gave up' WHERE id = $1`,
        [await jobOf(`search-model:${dead}`)],
      );
      expect(await outbox.status()).toMatchObject({ pending: 0, failing: 0 });
    });
  });

  describe('lockDocuments', () => {
    it('makes a second writer of the same document wait for the first transaction, and no other', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const first = bed.dataSource.createQueryRunner();
      await first.startTransaction();
      try {
        await outbox.lockDocuments(first.manager, [b, a]);
        const order: string[] = [];
        const other = bed.dataSource.transaction(async (m) => {
          await outbox.lockDocuments(m, [randomUUID()]);
          order.push('other document');
        });
        const same = bed.dataSource.transaction(async (m) => {
          await outbox.lockDocuments(m, [a]);
          order.push('same document');
        });
        await other;
        await new Promise((r) => setTimeout(r, 200));
        expect(order).toEqual(['other document']);
        await first.commitTransaction();
        await same;
        expect(order).toEqual(['other document', 'same document']);
      } finally {
        if (first.isTransactionActive) await first.rollbackTransaction();
        await first.release();
      }
    });
  });

  it('gets a sync from a write to every foreign table a document is built from (the triggers read their columns)', async () => {
    const { ownerId, modelId, versionId } = await bed.seed.publishedVersion();
    const templateId = await template('PUBLISHED', 'PUBLISHED');
    const [templateVersion] = (await q(`SELECT id FROM templates.template_version WHERE template_id = $1`, [
      templateId,
    ])) as { id: string }[];
    await q(`UPDATE templates.template SET owner_id = $2 WHERE id = $1`, [templateId, ownerId]);
    const queued = async () =>
      ((await q(`SELECT key FROM graphile_worker.jobs ORDER BY key`)) as { key: string }[]).map((j) => j.key);
    const writes: [string, () => Promise<unknown>, string[]][] = [
      [
        'catalog.style_model',
        () => q(`UPDATE catalog.style_model SET name = 'Renamed' WHERE id = $1`, [modelId]),
        [`search-model:${modelId}`],
      ],
      [
        'catalog.model_version',
        () => q(`UPDATE catalog.model_version SET trigger_words = '{ink}' WHERE id = $1`, [versionId]),
        [`search-model:${modelId}`],
      ],
      ['catalog.model_file', () => bed.seed.file(versionId), [`search-model:${modelId}`]],
      ['licensing.offer (model)', () => bed.seed.offer(versionId), [`search-model:${modelId}`]],
      [
        'templates.template',
        () => q(`UPDATE templates.template SET name = 'Renamed' WHERE id = $1`, [templateId]),
        [`search-template:${templateId}`],
      ],
      [
        'templates.template_version',
        () => q(`UPDATE templates.template_version SET label = 'v1.1' WHERE id = $1`, [templateVersion!.id]),
        [`search-template:${templateId}`],
      ],
      [
        'licensing.offer (template)',
        () =>
          q(
            `INSERT INTO licensing.offer (id, subject_kind, version_id, tier, revision, price_amount, price_currency,
               permissions, terms_text, terms_sha256, created_at)
             VALUES ($1, 'TEMPLATE', $2, 'PERSONAL', 1, 100, 'EUR', '{}', 't', $3, now())`,
            [randomUUID(), templateVersion!.id, 'a'.repeat(64)],
          ),
        [`search-template:${templateId}`],
      ],
      // A creator's handle is in every one of their documents.
      [
        'identity.user',
        () => q(`UPDATE identity.user SET handle = $2 WHERE id = $1`, [ownerId, `renamed_${ownerId.slice(0, 8)}`]),
        [`search-model:${modelId}`, `search-template:${templateId}`].sort(),
      ],
    ];
    for (const [table, write, keys] of writes) {
      await q(`DELETE FROM graphile_worker._private_jobs`);
      await write();
      expect([table, await queued()]).toEqual([table, keys]);
    }
  });

  it('reads the tasks the triggers enqueue under the names the relay handles', async () => {
    const modelId = await publishedModel();
    const [job] = (await q(`SELECT task_identifier, key FROM graphile_worker.jobs WHERE key = $1`, [
      `search-model:${modelId}`,
    ])) as { task_identifier: string; key: string }[];
    expect(job).toEqual({ task_identifier: SearchTasks.syncModel.name, key: SearchTasks.syncModel.key!({ modelId }) });
  });

  describe('stale counts (the trigger on community counters, taken in batches)', () => {
    beforeEach(() => q(`DELETE FROM search.stale_count`));
    const bump = (kind: string, id: string, metric: string, shard: number) =>
      q(
        `INSERT INTO community.counter AS c (subject_kind, subject_id, metric, shard, value) VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (subject_kind, subject_id, metric, shard) DO UPDATE SET value = c.value + 1`,
        [kind, id, metric, shard],
      );

    it('marks a model or template once however many of its counts change; never users or other metrics', async () => {
      const [model, template, user] = [randomUUID(), randomUUID(), randomUUID()];
      for (let i = 0; i < 20; i++) await bump('MODEL', model, 'LIKES', i % 8);
      await bump('MODEL', model, 'RATING_SUM', 0);
      await bump('TEMPLATE', template, 'DOWNLOADS', 2);
      await bump('USER', user, 'FOLLOWERS', 0);
      await bump('MODEL', template, 'LICENSES_SOLD', 0);
      const rows = await q(`SELECT subject_kind, subject_id FROM search.stale_count ORDER BY subject_kind`);
      expect(rows).toEqual([
        { subject_kind: 'MODEL', subject_id: model },
        { subject_kind: 'TEMPLATE', subject_id: template },
      ]);
    });

    it('takes the oldest first, at most the limit, and removes what it took; a restore puts them back', async () => {
      const ids = [randomUUID(), randomUUID(), randomUUID()];
      for (const [i, id] of ids.entries())
        await q(
          `INSERT INTO search.stale_count (subject_kind, subject_id, since) VALUES ('MODEL', $1, now() - make_interval(secs => $2))`,
          [id, 100 - i],
        );
      expect(await outbox.takeStaleCounts(2)).toEqual([
        { kind: 'MODEL', id: ids[0] },
        { kind: 'MODEL', id: ids[1] },
      ]);
      expect(await outbox.takeStaleCounts(2)).toEqual([{ kind: 'MODEL', id: ids[2] }]);
      expect(await outbox.takeStaleCounts(2)).toEqual([]);
      await outbox.restoreStaleCounts([{ kind: 'TEMPLATE', id: ids[0]! }]);
      await outbox.restoreStaleCounts([{ kind: 'TEMPLATE', id: ids[0]! }]);
      expect(await outbox.takeStaleCounts(10)).toEqual([{ kind: 'TEMPLATE', id: ids[0] }]);
    });

    it('skips rows another flush holds, so two flushes never sync the same batch', async () => {
      const ids = [randomUUID(), randomUUID()];
      for (const id of ids)
        await q(`INSERT INTO search.stale_count (subject_kind, subject_id) VALUES ('MODEL', $1)`, [id]);
      const runner = bed.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT 1 FROM search.stale_count WHERE subject_id = $1 FOR UPDATE`, [ids[0]]);
        expect(await outbox.takeStaleCounts(10)).toEqual([{ kind: 'MODEL', id: ids[1] }]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await outbox.takeStaleCounts(10)).toEqual([{ kind: 'MODEL', id: ids[0] }]);
    });
  });
});
