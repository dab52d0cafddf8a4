import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentRow } from './document-row';
import { toDocument } from './document-row';
import type { DocumentSource } from './document-source';
import { TRENDING_HALF_LIFE_DAYS, TRENDING_WEIGHTS, TRENDING_WINDOW_DAYS } from './popularity';
import type { DocumentKind, SearchDocument } from './search-document';

// The licensing parts of every document (its live offers as facets, its trending score), shared with
// `TemplateDocumentRepository`: both are composed into one statement per batch of documents. Search reads these
// foreign tables by design (docs/decisions/0005-search-reads-foreign-tables.md).

/**
 * The licence facets of one version's live offers, as a `LEFT JOIN LATERAL … ON true` body: tiers, free, the paid
 * offers (the cheapest is picked in `toDocument`, by the kernel's price order, which compares across currencies),
 * commercial use / derivatives allowed by some offer, credit required by every offer.
 */
export const offerFacets = (versionId: string, kind: DocumentKind) => `
  SELECT array_agg(DISTINCT o.tier) AS tiers,
         bool_or(o.price_amount = 0) AS free,
         jsonb_agg(jsonb_build_object('tier', o.tier, 'amount', o.price_amount::text, 'currency', o.price_currency)
                   ORDER BY o.price_amount, o.tier) FILTER (WHERE o.price_amount > 0) AS paid_offers,
         bool_or(o.permissions->>'commercialUse' <> 'NONE') AS commercial_use,
         bool_or((o.permissions->>'derivativesAllowed')::boolean) AS derivatives_allowed,
         bool_and((o.permissions->>'creditRequired')::boolean) AS credit_required
    FROM licensing.offer o
   WHERE o.version_id = ${versionId} AND o.subject_kind = '${kind}' AND o.retired_at IS NULL`;

/**
 * The trending score of a subject as a lateral body (definition in `popularity.ts`): its likes and active licence
 * grants of the window, each weighted and halving every half-life. Both sums walk an index on (subject, time).
 */
export const trendingScore = (subjectId: string, kind: DocumentKind) => `
  SELECT COALESCE((SELECT sum(${TRENDING_WEIGHTS.like} * power(0.5, extract(epoch FROM now() - l.created_at) / 86400 / ${TRENDING_HALF_LIFE_DAYS}))
                     FROM community."like" l
                    WHERE l.subject_kind = '${kind}' AND l.subject_id = ${subjectId}
                      AND l.created_at > now() - interval '${TRENDING_WINDOW_DAYS} days'), 0)
       + COALESCE((SELECT sum(${TRENDING_WEIGHTS.grant} * power(0.5, extract(epoch FROM now() - g.issued_at) / 86400 / ${TRENDING_HALF_LIFE_DAYS}))
                     FROM licensing.grant g
                    WHERE g.subject_id = ${subjectId} AND g.status = 'ACTIVE'
                      AND g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS} days'), 0) AS trending`;

/** A subject's community counts (likes, downloads, ratings), summed over the counter's shards, as a lateral body. */
export const counterSums = (subjectId: string, kind: DocumentKind) => `
  SELECT COALESCE(sum(c.value) FILTER (WHERE c.metric = 'LIKES'), 0)::text AS likes,
         COALESCE(sum(c.value) FILTER (WHERE c.metric = 'DOWNLOADS'), 0)::text AS downloads,
         COALESCE(sum(c.value) FILTER (WHERE c.metric = 'RATING_SUM'), 0)::text AS rating_sum,
         COALESCE(sum(c.value) FILTER (WHERE c.metric = 'RATING_COUNT'), 0)::text AS rating_count
    FROM community.counter c
   WHERE c.subject_kind = '${kind}' AND c.subject_id = ${subjectId}
     AND c.metric IN ('LIKES', 'DOWNLOADS', 'RATING_SUM', 'RATING_COUNT')`;

/** The licence-facet, trending and counter columns of a document query, read from the `o`, `t` and `c` laterals. */
export const OFFER_AND_TRENDING_COLUMNS = `
  COALESCE(o.tiers, '{}') AS tiers, COALESCE(o.free, false) AS free,
  o.paid_offers,
  COALESCE(o.commercial_use, false) AS commercial_use,
  COALESCE(o.derivatives_allowed, false) AS derivatives_allowed,
  COALESCE(o.credit_required, false) AS credit_required,
  COALESCE(t.trending, 0)::float8 AS trending,
  c.likes, c.rating_sum, c.rating_count`;

/**
 * Builds model documents from the catalog, identity and licensing tables: one statement for any number of models.
 * A model that is not published (draft, unpublished, archived, taken down) or has no published version yields no
 * document.
 */
@Injectable()
export class ModelDocumentRepository implements DocumentSource {
  readonly kind = 'MODEL' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(
    modelIds: readonly string[],
    runner: Pick<EntityManager, 'query'> = this.dataSource.manager,
  ): Promise<SearchDocument[]> {
    if (!modelIds.length) return [];
    const rows = await runner.query<DocumentRow[]>(
      `SELECT m.id, m.name, m.slug, m.description, m.owner_id, u.handle AS owner_handle, u.display_name AS owner_name,
              m.type, m.base_model_id, b.name AS base_model_name, m.tags, m.maturity, m.published_at,
              v.trigger_words, v.downloads, COALESCE(f.hashes, '{}') AS hashes, ${OFFER_AND_TRENDING_COLUMNS}
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
         LEFT JOIN LATERAL (${offerFacets('v.ids[1]', 'MODEL')}) o ON true
         LEFT JOIN LATERAL (${trendingScore('m.id', 'MODEL')}) t ON true
         CROSS JOIN LATERAL (${counterSums('m.id', 'MODEL')}) c
        WHERE m.id = ANY ($1::uuid[]) AND m.status = 'PUBLISHED'`,
      [modelIds],
    );
    return rows.map((row) => toDocument('MODEL', row));
  }

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

  recentlyActiveIds(): Promise<string[]> {
    return recentlyActive(this.dataSource, 'MODEL');
  }
}

/**
 * Subjects of one kind liked or licensed within the trending window (a day's margin: the last decay step to zero is
 * written too). Both walk an index on time.
 */
export async function recentlyActive(dataSource: DataSource, kind: DocumentKind): Promise<string[]> {
  const rows = await dataSource.query<{ id: string }[]>(
    `SELECT g.subject_id AS id FROM licensing.grant g
      WHERE g.subject_kind = $1 AND g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS + 1} days'
     UNION
     SELECT l.subject_id FROM community."like" l
      WHERE l.subject_kind = $1 AND l.created_at > now() - interval '${TRENDING_WINDOW_DAYS + 1} days'`,
    [kind],
  );
  return rows.map((r) => r.id);
}
