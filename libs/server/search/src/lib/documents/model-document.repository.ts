import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentRow } from './document-row';
import { toDocument } from './document-row';
import type { DocumentSource } from './document-source';
import type { DocumentKind, SearchDocument } from './search-document';

// The licensing parts of every document (its live offers as facets, its trending score), shared with
// `TemplateDocumentRepository`: both are composed into one statement per batch of documents. Search reads these
// foreign tables by design (docs/decisions/0005-search-reads-foreign-tables.md).

/** Licences granted in the last this many days count towards trending, each halving in weight every week. */
export const TRENDING_WINDOW_DAYS = 30;
const TRENDING_HALF_LIFE_DAYS = 7;

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

/** The trending score of a subject (grants name a model or a template by `subject_id`), as a lateral body. */
export const trendingScore = (subjectId: string) => `
  SELECT sum(power(0.5, extract(epoch FROM now() - g.issued_at) / 86400 / ${TRENDING_HALF_LIFE_DAYS})) AS trending
    FROM licensing.grant g
   WHERE g.subject_id = ${subjectId} AND g.status = 'ACTIVE'
     AND g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS} days'`;

/** The licence-facet and trending columns of a document query, read from the `o` and `t` laterals. */
export const OFFER_AND_TRENDING_COLUMNS = `
  COALESCE(o.tiers, '{}') AS tiers, COALESCE(o.free, false) AS free,
  o.paid_offers,
  COALESCE(o.commercial_use, false) AS commercial_use,
  COALESCE(o.derivatives_allowed, false) AS derivatives_allowed,
  COALESCE(o.credit_required, false) AS credit_required,
  COALESCE(t.trending, 0)::float8 AS trending`;

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
         LEFT JOIN LATERAL (${trendingScore('m.id')}) t ON true
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

  recentlyLicensedIds(): Promise<string[]> {
    return recentlyLicensed(this.dataSource, 'MODEL');
  }
}

/** Subjects of one kind licensed within the trending window (a day's margin: the last decay step is written too). */
export async function recentlyLicensed(dataSource: DataSource, kind: DocumentKind): Promise<string[]> {
  const rows = await dataSource.query<{ id: string }[]>(
    `SELECT DISTINCT g.subject_id AS id FROM licensing.grant g
      WHERE g.subject_kind = $1 AND g.issued_at > now() - interval '${TRENDING_WINDOW_DAYS + 1} days'`,
    [kind],
  );
  return rows.map((r) => r.id);
}
