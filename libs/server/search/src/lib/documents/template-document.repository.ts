import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocumentRow } from './document-row';
import { toDocument } from './document-row';
import type { DocumentSource } from './document-source';
import {
  counterSums,
  OFFER_AND_TRENDING_COLUMNS,
  offerFacets,
  recentlyActive,
  trendingScore,
} from './model-document.repository';
import type { SearchDocument } from './search-document';

/**
 * Builds workflow template documents: one statement for any number of templates. A template is searchable while it
 * is published (a remix only becomes so once approved); its licence facets are its newest published version's live
 * offers. Its lockfile's models are resolved to published catalog models (by SHA-256, else by file name, as the
 * licence roll-up does): their names are found with a template, and the base model most of them use is its base
 * model. A dependency published later is picked up when the template is next synced (an edit, a new offer, the
 * trending schedule, a reindex).
 */
@Injectable()
export class TemplateDocumentRepository implements DocumentSource {
  readonly kind = 'TEMPLATE' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(
    templateIds: readonly string[],
    runner: Pick<EntityManager, 'query'> = this.dataSource.manager,
  ): Promise<SearchDocument[]> {
    if (!templateIds.length) return [];
    const rows = await runner.query<DocumentRow[]>(
      `SELECT tp.id, tp.name, tp.slug, tp.description, tp.owner_id, u.handle AS owner_handle,
              u.display_name AS owner_name, NULL AS type, d.base_model_id, b.name AS base_model_name, tp.tags,
              tp.maturity, v.first_published_at AS published_at, COALESCE(d.names, '{}') AS trigger_words,
              c.downloads, '{}'::text[] AS hashes, ${OFFER_AND_TRENDING_COLUMNS}
         FROM templates.template tp
         JOIN identity.user u ON u.id = tp.owner_id
         JOIN LATERAL (
           SELECT (array_agg(v.id ORDER BY v.published_at DESC, v.id DESC))[1] AS newest,
                  (array_agg(v.lockfile ORDER BY v.published_at DESC, v.id DESC))[1] AS lockfile,
                  min(v.published_at) AS first_published_at
             FROM templates.template_version v
            WHERE v.template_id = tp.id AND v.status = 'PUBLISHED'
         ) v ON v.newest IS NOT NULL
         LEFT JOIN LATERAL (
           SELECT array_agg(DISTINCT m.name) AS names, mode() WITHIN GROUP (ORDER BY m.base_model_id) AS base_model_id
             FROM jsonb_array_elements(v.lockfile->'models') dep
             JOIN catalog.model_file f ON f.scan_status = 'READY'
                  AND (f.sha256 = dep->>'sha256' OR dep->>'sha256' IS NULL
                       AND lower(f.file_name) = lower(regexp_replace(dep->>'name', '^.*[\\\\/]', '')))
             JOIN catalog.model_version mv ON mv.id = f.version_id AND mv.status = 'PUBLISHED'
             JOIN catalog.style_model m ON m.id = mv.model_id AND m.status = 'PUBLISHED'
            WHERE NOT COALESCE((dep->>'unused')::boolean, false)
         ) d ON true
         LEFT JOIN catalog.base_model b ON b.id = d.base_model_id
         LEFT JOIN LATERAL (${offerFacets('v.newest', 'TEMPLATE')}) o ON true
         LEFT JOIN LATERAL (${trendingScore('tp.id', 'TEMPLATE')}) t ON true
         CROSS JOIN LATERAL (${counterSums('tp.id', 'TEMPLATE')}) c
        WHERE tp.id = ANY ($1::uuid[]) AND tp.status = 'PUBLISHED'`,
      [templateIds],
    );
    return rows.map((row) => toDocument('TEMPLATE', row));
  }

  async publishedIds(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT tp.id FROM templates.template tp
        WHERE tp.status = 'PUBLISHED' AND ($1::uuid IS NULL OR tp.id > $1::uuid)
          AND EXISTS (SELECT 1 FROM templates.template_version v WHERE v.template_id = tp.id AND v.status = 'PUBLISHED')
        ORDER BY tp.id LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => r.id);
  }

  recentlyActiveIds(): Promise<string[]> {
    return recentlyActive(this.dataSource, 'TEMPLATE');
  }
}
