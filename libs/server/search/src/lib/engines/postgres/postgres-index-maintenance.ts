import type { DataSource } from 'typeorm';
import type { DocumentKind, SearchDocument } from '../../documents/search-document';
import type { IdPage } from '../search-index-maintenance';
import type { PostgresIndexWriter } from './postgres-index-writer';

/** Reindex, reconcile and monitoring for the PostgreSQL engine. */
export class PostgresIndexMaintenance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: PostgresIndexWriter,
  ) {}

  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM search.model_document`,
    );
    return row?.count ?? 0;
  }

  async indexedIds(kind: DocumentKind, after: string | null, limit: number): Promise<IdPage> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT model_id AS id FROM search.model_document
        WHERE kind = $3 AND ($1::uuid IS NULL OR model_id > $1::uuid)
        ORDER BY model_id LIMIT $2`,
      [after, limit, kind],
    );
    const ids = rows.map((r) => r.id);
    return { ids, next: ids.length < limit ? null : ids[ids.length - 1]! };
  }

  /** Rows are rewritten in place: each upsert replaces a row atomically, so readers never see a gap. */
  async beginRebuild(): Promise<void> {}

  writeRebuild(documents: readonly SearchDocument[]): Promise<void> {
    return this.writer.upsert(documents);
  }

  async finishRebuild(): Promise<void> {}
}
