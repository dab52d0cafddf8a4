import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ModelDocument } from './model-document';

/** Licences granted in the last this many days count towards trending, each halving in weight every week. */
const TRENDING_WINDOW_DAYS = 30;
const TRENDING_HALF_LIFE_DAYS = 7;

interface DocumentRow {
  id: string;
  name: string;
  slug: string;
  description: string;
  owner_id: string;
  owner_handle: string;
  owner_name: string;
  type: string;
  base_model_id: string;
  base_model_name: string;
  tags: string[];
  maturity: string;
  published_at: Date;
  trigger_words: string[];
  downloads: string;
  hashes: string[];
  tiers: string[];
  free: boolean;
  min_price_amount: string | null;
  min_price_currency: string | null;
  commercial_use: boolean;
  derivatives_allowed: boolean;
  credit_required: boolean;
  trending: number;
}

/**
 * Builds search documents from the current state of the catalog, licensing and commerce tables: one statement for
 * any number of models. A model that is not published (draft, unpublished, archived, taken down) or has no published
 * version yields no document — the relay deletes it from the index.
 */
@Injectable()
export class ModelDocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serialises index writes per model until the caller's transaction ends (id order: no deadlocks). */
  async lock(tx: EntityManager, modelIds: readonly string[]): Promise<void> {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('search-model:' || id::text, 0))
         FROM unnest($1::uuid[]) AS id ORDER BY id`,
      [modelIds],
    );
  }

  async build(
    modelIds: readonly string[],
    runner: Pick<EntityManager, 'query'> = this.dataSource.manager,
  ): Promise<ModelDocument[]> {
    if (!modelIds.length) return [];
    const rows = await runner.query<DocumentRow[]>(
      `SELECT m.id, m.name, m.slug, m.description, m.owner_id, u.handle AS owner_handle, u.display_name AS owner_name,
              m.type, m.base_model_id, b.name AS base_model_name, m.tags, m.maturity, m.published_at,
              v.trigger_words, v.downloads, COALESCE(f.hashes, '{}') AS hashes,
              COALESCE(o.tiers, '{}') AS tiers, COALESCE(o.free, false) AS free,
              o.min_price_amount, o.min_price_currency,
              COALESCE(o.commercial_use, false) AS commercial_use,
              COALESCE(o.derivatives_allowed, false) AS derivatives_allowed,
              COALESCE(o.credit_required, false) AS credit_required,
              COALESCE(t.trending, 0)::float8 AS trending
         FROM catalog.style_model m
         JOIN identity.user u ON u.id = m.owner_id
         JOIN catalog.base_model b ON b.id = m.base_model_id
         JOIN LATERAL (
           SELECT array_agg(v.id ORDER BY v.published_at DESC, v.id DESC) AS ids,
                  COALESCE(array(SELECT DISTINCT w FROM catalog.model_version pv, unnest(pv.trigger_words) w
                                  WHERE pv.model_id = m.id AND pv.status = 'PUBLISHED'), '{}') AS trigger_words,
                  sum(v.download_count)::text AS downloads
             FROM catalog.model_version v
            WHERE v.model_id = m.id AND v.status = 'PUBLISHED'
         ) v ON v.ids IS NOT NULL
         LEFT JOIN LATERAL (
           SELECT array_agg(DISTINCT h) AS hashes
             FROM catalog.model_file f, unnest(ARRAY[f.sha256, f.autov2]) h
            WHERE f.version_id = ANY (v.ids) AND f.scan_status = 'READY' AND h IS NOT NULL
         ) f ON true
         LEFT JOIN LATERAL (
           SELECT array_agg(DISTINCT o.tier) AS tiers,
                  bool_or(o.price_amount = 0) AS free,
                  (min(o.price_amount) FILTER (WHERE o.price_amount > 0))::text AS min_price_amount,
                  (array_agg(o.price_currency ORDER BY o.price_amount) FILTER (WHERE o.price_amount > 0))[1]
                    AS min_price_currency,
                  bool_or(o.permissions->>'commercialUse' <> 'NONE') AS commercial_use,
                  bool_or((o.permissions->>'derivativesAllowed')::boolean) AS derivatives_allowed,
                  bool_and((o.permissions->>'creditRequired')::boolean) AS credit_required
             FROM licensing.offer o
            WHERE o.version_id = v.ids[1] AND o.retired_at IS NULL
         ) o ON true
         LEFT JOIN LATERAL (
           SELECT sum(power(0.5, extract(epoch FROM now() - g.issued_at) / 86400 / ${TRENDING_HALF_LIFE_DAYS}))
                    AS trending
             FROM licensing.grant g
            WHERE g.model_id = m.id AND g.status = 'ACTIVE'
              AND g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS} days'
         ) t ON true
        WHERE m.id = ANY ($1::uuid[]) AND m.status = 'PUBLISHED'`,
      [modelIds],
    );
    return rows.map(toDocument);
  }

  /** Published model ids in ascending order, a page at a time (reindex and reconcile walk them). */
  async publishedIds(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT m.id FROM catalog.style_model m
        WHERE m.status = 'PUBLISHED' AND ($1::uuid IS NULL OR m.id > $1::uuid)
          AND EXISTS (SELECT 1 FROM catalog.model_version v WHERE v.model_id = m.id AND v.status = 'PUBLISHED')
        ORDER BY m.id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Models licensed within the trending window: their score decays, so the schedule refreshes them. */
  async recentlyLicensedModelIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT DISTINCT g.model_id AS id FROM licensing.grant g
        WHERE g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS + 1} days'`,
    );
    return rows.map((r) => r.id);
  }
}

function toDocument(row: DocumentRow): ModelDocument {
  return {
    kind: 'MODEL',
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    ownerId: row.owner_id,
    ownerHandle: row.owner_handle,
    ownerName: row.owner_name,
    type: row.type,
    baseModelId: row.base_model_id,
    baseModelName: row.base_model_name,
    tags: row.tags,
    triggerWords: row.trigger_words,
    hashes: row.hashes,
    maturity: row.maturity,
    tiers: [...row.tiers].sort(),
    free: row.free,
    minPrice:
      row.min_price_amount && row.min_price_currency
        ? { amount: Number(row.min_price_amount), currency: row.min_price_currency }
        : null,
    commercialUse: row.commercial_use,
    derivativesAllowed: row.derivatives_allowed,
    creditRequired: row.credit_required,
    publishedAt: row.published_at,
    downloads: Number(row.downloads),
    trending: Math.round(row.trending * 1000) / 1000,
  };
}
