import type { DataSource, EntityManager } from 'typeorm';
import { priceOrderKey } from '@lookbook/kernel';
import { ratingRank } from '../../documents/popularity';
import type { SearchDocument } from '../../documents/search-document';
import { KIND_WORDS } from '../../documents/search-document';
import { uniqueWords, words } from '../../query/words';

/**
 * The index writer for the PostgreSQL engine: one row per document in `search.model_document` (weighted tsvector),
 * and in the same transaction the lexicon and tag counts and the creator rows derived from the documents. Lock
 * order everywhere: models, owners, lexicon, tags (each sorted), so concurrent batches cannot deadlock.
 */
export class PostgresIndexWriter {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    await this.dataSource.transaction(async (tx) => {
      const ids = documents.map((d) => d.id);
      const previous = await this.lockAndRead(tx, ids);
      const rows = documents.map((d) => toRow(d));
      await tx.query(
        `INSERT INTO search.model_document AS d (model_id, kind, name, slug, description, owner_id, owner_handle,
                owner_name, type, base_model_id, base_model_name, tags, trigger_words, hashes, maturity, tiers, free,
                min_price_tier, min_price_amount, min_price_currency, price_order, commercial_use,
                derivatives_allowed, credit_required, published_at, downloads, trending, likes, rating_sum, rating_count,
                rating_rank, words, document, indexed_at)
         SELECT r.id, r.kind, r.name, r.slug, r.description, r.owner_id, r.owner_handle, r.owner_name, r.type,
                r.base_model_id, r.base_model_name, r.tags, r.trigger_words, r.hashes, r.maturity, r.tiers, r.free,
                r.min_price_tier, r.min_price_amount, r.min_price_currency, r.price_order, r.commercial_use,
                r.derivatives_allowed, r.credit_required,
                r.published_at, r.downloads, r.trending, r.likes, r.rating_sum, r.rating_count, r.rating_rank, r.words,
                setweight(to_tsvector('simple', r.text_a), 'A') || setweight(to_tsvector('simple', r.text_b), 'B') ||
                setweight(to_tsvector('simple', r.text_c), 'C') || setweight(to_tsvector('simple', r.text_d), 'D'),
                now()
           FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, kind text, name text, slug text, description text, owner_id uuid,
                owner_handle text, owner_name text, type text, base_model_id text, base_model_name text, tags text[],
                trigger_words text[], hashes text[], maturity text, tiers text[], free boolean,
                min_price_tier text, min_price_amount bigint, min_price_currency text, price_order float8,
                commercial_use boolean,
                derivatives_allowed boolean, credit_required boolean, published_at timestamptz, downloads bigint,
                trending float8, likes bigint, rating_sum bigint, rating_count bigint, rating_rank float8, words text[],
                text_a text, text_b text, text_c text, text_d text)
         ON CONFLICT (model_id) DO UPDATE SET
           kind = EXCLUDED.kind, name = EXCLUDED.name, slug = EXCLUDED.slug, description = EXCLUDED.description,
           owner_id = EXCLUDED.owner_id, owner_handle = EXCLUDED.owner_handle, owner_name = EXCLUDED.owner_name,
           type = EXCLUDED.type, base_model_id = EXCLUDED.base_model_id, base_model_name = EXCLUDED.base_model_name,
           tags = EXCLUDED.tags, trigger_words = EXCLUDED.trigger_words, hashes = EXCLUDED.hashes,
           maturity = EXCLUDED.maturity, tiers = EXCLUDED.tiers, free = EXCLUDED.free,
           min_price_tier = EXCLUDED.min_price_tier, min_price_amount = EXCLUDED.min_price_amount,
           min_price_currency = EXCLUDED.min_price_currency, price_order = EXCLUDED.price_order,
           commercial_use = EXCLUDED.commercial_use, derivatives_allowed = EXCLUDED.derivatives_allowed,
           credit_required = EXCLUDED.credit_required, published_at = EXCLUDED.published_at,
           downloads = EXCLUDED.downloads, trending = EXCLUDED.trending, likes = EXCLUDED.likes,
           rating_sum = EXCLUDED.rating_sum, rating_count = EXCLUDED.rating_count, rating_rank = EXCLUDED.rating_rank,
           words = EXCLUDED.words,
           document = EXCLUDED.document, indexed_at = now()`,
        [JSON.stringify(rows)],
      );
      await this.refreshCreators(tx, [...previous.map((p) => p.owner_id), ...documents.map((d) => d.ownerId)]);
      await this.applyCounts(
        tx,
        previous,
        rows.map((r) => ({ words: r.words, tags: r.tags })),
      );
    });
  }

  async delete(modelIds: readonly string[]): Promise<void> {
    if (!modelIds.length) return;
    await this.dataSource.transaction(async (tx) => {
      const previous = await this.lockAndRead(tx, [...modelIds]);
      if (!previous.length) return;
      await tx.query(`DELETE FROM search.model_document WHERE model_id = ANY ($1::uuid[])`, [modelIds]);
      await this.refreshCreators(
        tx,
        previous.map((p) => p.owner_id),
      );
      await this.applyCounts(tx, previous, []);
    });
  }

  /** Locks the models' documents (in id order: no deadlocks between batches) and reads their indexed words and tags. */
  private async lockAndRead(
    tx: EntityManager,
    ids: string[],
  ): Promise<{ words: string[]; tags: string[]; owner_id: string }[]> {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 42)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [ids],
    );
    return tx.query(`SELECT words, tags, owner_id FROM search.model_document WHERE model_id = ANY ($1::uuid[])`, [ids]);
  }

  /**
   * Rewrites the creator rows of these owners from their documents (or removes them: no published model left). Each
   * owner is locked first, in id order, so two batches for one creator aggregate one after the other: the second
   * statement's snapshot includes the first's commit. Lock order everywhere: models, owners, lexicon, tags.
   */
  private async refreshCreators(tx: EntityManager, ownerIds: string[]): Promise<void> {
    const owners = [...new Set(ownerIds)].sort();
    if (!owners.length) return;
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 43)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [owners],
    );
    await tx.query(
      `DELETE FROM search.creator c WHERE c.owner_id = ANY ($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM search.model_document d WHERE d.owner_id = c.owner_id)`,
      [owners],
    );
    await tx.query(
      `INSERT INTO search.creator AS c (owner_id, handle, name, models, templates, downloads, document)
       SELECT d.owner_id, min(d.owner_handle), min(d.owner_name), count(*) FILTER (WHERE d.kind = 'MODEL'),
              count(*) FILTER (WHERE d.kind = 'TEMPLATE'), sum(d.downloads),
              to_tsvector('simple', search.creator_text(min(d.owner_handle), min(d.owner_name)))
         FROM search.model_document d WHERE d.owner_id = ANY ($1::uuid[]) GROUP BY d.owner_id
       ON CONFLICT (owner_id) DO UPDATE SET handle = EXCLUDED.handle, name = EXCLUDED.name, models = EXCLUDED.models,
         templates = EXCLUDED.templates, downloads = EXCLUDED.downloads, document = EXCLUDED.document`,
      [owners],
    );
  }

  /** Keeps the lexicon and tag counts equal to the documents: subtract what was indexed, add what is indexed now. */
  private async applyCounts(
    tx: EntityManager,
    before: { words: string[]; tags: string[] }[],
    after: { words: string[]; tags: string[] }[],
  ): Promise<void> {
    for (const [table, column, pick] of [
      ['search.lexicon', 'word', (d: { words: string[] }) => d.words],
      ['search.tag', 'tag', (d: { tags: string[] }) => d.tags],
    ] as const) {
      const delta = new Map<string, number>();
      for (const d of before) for (const v of new Set(pick(d))) delta.set(v, (delta.get(v) ?? 0) - 1);
      for (const d of after) for (const v of new Set(pick(d))) delta.set(v, (delta.get(v) ?? 0) + 1);
      const changes = [...delta].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      if (!changes.length) continue;
      // Sorted, so concurrent batches lock rows in the same order. A new value's first count is never negative:
      // a value is only subtracted after it was added.
      await tx.query(
        `INSERT INTO ${table} AS t (${column}, documents)
         SELECT v, n FROM unnest($1::text[], $2::int[]) AS c (v, n)
         ON CONFLICT (${column}) DO UPDATE SET documents = t.documents + EXCLUDED.documents`,
        [changes.map(([v]) => v), changes.map(([, n]) => n)],
      );
    }
  }
}

/** A document as the upsert reads it: the weighted text fields are our own tokenisation, joined by spaces. */
function toRow(d: SearchDocument) {
  // A slug's parts, not its joined form: `velvet-bloom-121` would add a `velvetbloom121` per model to the lexicon,
  // words no one types that every prefix of `velvet` would have to expand to.
  const textA = uniqueWords(d.name, d.slug.replace(/-/g, ' '));
  const textB = uniqueWords(...d.tags, ...d.triggerWords);
  const textC = uniqueWords(
    d.ownerHandle,
    d.ownerName,
    d.baseModelName,
    d.baseModelId,
    d.type?.replace(/_/g, ' '),
    d.kind === 'TEMPLATE' ? KIND_WORDS : null,
  );
  const textD = words(d.description).slice(0, 2000);
  return {
    id: d.id,
    kind: d.kind,
    name: d.name,
    slug: d.slug,
    description: d.description,
    owner_id: d.ownerId,
    owner_handle: d.ownerHandle,
    owner_name: d.ownerName,
    type: d.type,
    base_model_id: d.baseModelId,
    base_model_name: d.baseModelName,
    tags: d.tags,
    trigger_words: d.triggerWords,
    hashes: d.hashes,
    maturity: d.maturity,
    tiers: d.tiers,
    free: d.free,
    min_price_tier: d.minPrice?.tier ?? null,
    min_price_amount: d.minPrice?.amount ?? null,
    min_price_currency: d.minPrice?.currency ?? null,
    price_order: d.minPrice ? priceOrderKey(d.minPrice.amount, d.minPrice.currency) : null,
    commercial_use: d.commercialUse,
    derivatives_allowed: d.derivativesAllowed,
    credit_required: d.creditRequired,
    published_at: d.publishedAt.toISOString(),
    downloads: d.downloads,
    trending: d.trending,
    likes: d.likes,
    rating_sum: d.ratingSum,
    rating_count: d.ratingCount,
    rating_rank: ratingRank(d.ratingSum, d.ratingCount),
    words: [...new Set([...textA, ...textB, ...textC, ...textD])],
    text_a: textA.join(' '),
    text_b: textB.join(' '),
    text_c: textC.join(' '),
    text_d: textD.join(' '),
  };
}
