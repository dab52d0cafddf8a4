import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentRow } from './document-parts';
import {
  OFFER_AND_TRENDING_COLUMNS,
  offerFacets,
  toDocument,
  trendingScore,
  TRENDING_WINDOW_DAYS,
} from './document-parts';
import type { DocumentKind, SearchDocument } from './search-document';

/** Builds one kind of search document from the current state of the database (the relay's read side). */
export interface DocumentSource {
  readonly kind: DocumentKind;
  /** Documents of the given ids that are published now; the others yield nothing (the relay deletes them). */
  build(ids: readonly string[], runner?: Pick<EntityManager, 'query'>): Promise<SearchDocument[]>;
  /** Published ids in ascending order, a page at a time (reindex and reconcile walk them). */
  publishedIds(after: string | null, limit: number): Promise<string[]>;
  /** Ids licensed within the trending window: their score decays, so the schedule refreshes them. */
  recentlyLicensedIds(): Promise<string[]>;
}

/**
 * Builds model documents from the catalog, licensing and commerce tables: one statement for any number of models.
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
