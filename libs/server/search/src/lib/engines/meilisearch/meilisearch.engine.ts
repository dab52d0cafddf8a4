import { Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import type { DocumentKind, SearchDocument } from '../../documents/search-document';
import type { SynonymRepository } from '../../documents/synonym.repository';
import type { Facet, SearchRequest } from '../../query/search-request';
import type { IdPage, SearchIndexMaintenance } from '../search-index-maintenance';
import type { SearchIndexWriter } from '../search-index-writer';
import type { CreatorHit, FacetCount, SearchPage, SearchQueries, Suggestion } from '../search-queries';
import { MeilisearchFacetCounts } from './meilisearch-facet-counts';
import { MeilisearchIndex } from './meilisearch-index';
import { MeilisearchIndexMaintenance } from './meilisearch-index-maintenance';
import { MeilisearchIndexWriter } from './meilisearch-index-writer';
import { MeilisearchQueries } from './meilisearch-queries';
import { MeilisearchSuggest } from './meilisearch-suggest';

/**
 * The Meilisearch engine (production): every port, each served by the part that owns it — query and ranking
 * (`meilisearch-queries.ts`), facet counts (`meilisearch-facet-counts.ts`), suggestions (`meilisearch-suggest.ts`),
 * the index writer (`meilisearch-index-writer.ts`) and maintenance (`meilisearch-index-maintenance.ts`), over one
 * client and its indexes (`meilisearch-index.ts`); clients only ever see our GraphQL. Not available: did-you-mean
 * (Meilisearch corrects typos silently), creator display names in suggestions.
 */
export class MeilisearchEngine
  implements SearchQueries, SearchIndexWriter, SearchIndexMaintenance, OnApplicationBootstrap
{
  readonly name = 'meilisearch' as const;
  private readonly logger = new Logger(MeilisearchEngine.name);
  private readonly index: MeilisearchIndex;
  private readonly queries: MeilisearchQueries;
  private readonly facetCounts: MeilisearchFacetCounts;
  private readonly suggestions: MeilisearchSuggest;
  private readonly writer: MeilisearchIndexWriter;
  private readonly maintenance: MeilisearchIndexMaintenance;

  constructor(config: AppConfig, synonyms: SynonymRepository) {
    this.index = new MeilisearchIndex(config, synonyms);
    this.facetCounts = new MeilisearchFacetCounts(this.index);
    this.queries = new MeilisearchQueries(this.index, this.facetCounts);
    this.suggestions = new MeilisearchSuggest(this.index);
    this.writer = new MeilisearchIndexWriter(this.index);
    this.maintenance = new MeilisearchIndexMaintenance(this.index);
  }

  /** Applies the settings at start; an engine that is down is not fatal (writes queue up; tried again on use). */
  async onApplicationBootstrap(): Promise<void> {
    await this.index
      .ready()
      .catch((error: Error) => this.logger.warn(`Meilisearch settings not applied yet (${error.message}); will retry`));
  }

  search(request: SearchRequest): Promise<SearchPage> {
    return this.queries.search(request);
  }

  facets(request: SearchRequest, facets: readonly Facet[], valueQuery?: string): Promise<FacetCount[]> {
    return this.facetCounts.facets(request, facets, valueQuery);
  }

  searchWithFacets(
    request: SearchRequest,
    facets: readonly Facet[],
  ): Promise<{ page: SearchPage; facets: FacetCount[] }> {
    return this.queries.searchWithFacets(request, facets);
  }

  suggest(prefix: string, limit: number, hidden: readonly string[] = []): Promise<Suggestion[]> {
    return this.suggestions.suggest(prefix, limit, hidden);
  }

  creators(request: SearchRequest, limit: number): Promise<CreatorHit[]> {
    return this.queries.creators(request, limit);
  }

  upsert(documents: readonly SearchDocument[]): Promise<void> {
    return this.writer.upsert(documents);
  }

  delete(ids: readonly string[]): Promise<void> {
    return this.writer.delete(ids);
  }

  count(): Promise<number> {
    return this.maintenance.count();
  }

  indexedIds(kind: DocumentKind, cursor: string | null, limit: number): Promise<IdPage> {
    return this.maintenance.indexedIds(kind, cursor, limit);
  }

  beginRebuild(): Promise<void> {
    return this.maintenance.beginRebuild();
  }

  writeRebuild(documents: readonly SearchDocument[]): Promise<void> {
    return this.maintenance.writeRebuild(documents);
  }

  finishRebuild(): Promise<void> {
    return this.maintenance.finishRebuild();
  }
}
