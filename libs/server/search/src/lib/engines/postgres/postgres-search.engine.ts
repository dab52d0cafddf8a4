import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DocumentKind, SearchDocument } from '../../documents/search-document';
import type { Facet, SearchRequest } from '../../query/search-request';
import type { IdPage, SearchIndexMaintenance } from '../search-index-maintenance';
import type { SearchIndexWriter } from '../search-index-writer';
import type { CreatorHit, FacetCount, SearchPage, SearchQueries, Suggestion } from '../search-queries';
import { PostgresFacetCounts } from './postgres-facet-counts';
import { PostgresIndexMaintenance } from './postgres-index-maintenance';
import { PostgresIndexWriter } from './postgres-index-writer';
import { PostgresQueries } from './postgres-queries';
import { PostgresSuggest } from './postgres-suggest';
import { PostgresWords } from './postgres-words';

/**
 * The PostgreSQL engine (embedded default), in `search.*` tables of the application's own database: every port, each
 * served by the part that owns it — query and ranking (`postgres-queries.ts`), facet counts
 * (`postgres-facet-counts.ts`), suggestions (`postgres-suggest.ts`), the index writer (`postgres-index-writer.ts`)
 * and maintenance (`postgres-index-maintenance.ts`); the request's words (`postgres-words.ts`) are resolved once and
 * shared by the hits, the counts and the creators of one request.
 */
// Injectable so the SQL snapshots can build it; the engine factory (search-engine.providers.ts) still picks one engine.
@Injectable()
export class PostgresSearchEngine implements SearchQueries, SearchIndexWriter, SearchIndexMaintenance {
  readonly name = 'postgres' as const;
  private readonly queries: PostgresQueries;
  private readonly facetCounts: PostgresFacetCounts;
  private readonly suggestions: PostgresSuggest;
  private readonly writer: PostgresIndexWriter;
  private readonly maintenance: PostgresIndexMaintenance;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const words = new PostgresWords(dataSource);
    this.facetCounts = new PostgresFacetCounts(dataSource, words);
    this.queries = new PostgresQueries(dataSource, words, this.facetCounts);
    this.suggestions = new PostgresSuggest(dataSource);
    this.writer = new PostgresIndexWriter(dataSource);
    this.maintenance = new PostgresIndexMaintenance(dataSource, this.writer);
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
