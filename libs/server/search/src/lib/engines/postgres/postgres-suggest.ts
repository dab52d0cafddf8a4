import type { DataSource } from 'typeorm';
import type { Suggestion } from '../search-queries';
import { escapeLike, visibleOwner } from './postgres-filters';

/** Autocomplete for the PostgreSQL engine: names, tags and creators by prefix, from their own indexes. */
export class PostgresSuggest {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Autocomplete on every typing pause, so each branch reads an index, never every match: names by the downloads
   * index (a common prefix finds its most downloaded names at once) or the name index (a rare one has few to sort),
   * whichever the planner costs lower; creators from their own rows.
   */
  async suggest(prefix: string, limit: number, hidden: readonly string[] = []): Promise<Suggestion[]> {
    const q = prefix.trim().toLowerCase();
    if (!q) return [];
    // While some documents wait to be deleted, their names, their tags and their creators are offered only where a
    // visible document has them too (tag and creator rows count every indexed document).
    const lagging = hidden.length > 0;
    const rows = await this.dataSource.query<Suggestion[]>(
      `(SELECT d.kind, d.name AS text, d.model_id::text AS ref FROM search.model_document d
         WHERE lower(d.name) LIKE $1 || '%' ${lagging ? 'AND d.model_id <> ALL ($3::uuid[])' : ''}
         ORDER BY d.downloads DESC, d.name LIMIT $2)
       UNION ALL
       (SELECT 'TAG', t.tag, t.tag FROM search.tag t
         WHERE t.tag LIKE $1 || '%' AND t.documents > 0
           ${
             lagging
               ? `AND EXISTS (SELECT 1 FROM search.model_document d
                               WHERE d.tags @> ARRAY[t.tag] AND d.model_id <> ALL ($3::uuid[]))`
               : ''
           }
         ORDER BY t.documents DESC, t.tag LIMIT $2)
       UNION ALL
       (SELECT 'CREATOR', c.name, c.handle FROM search.creator c
         WHERE lower(c.handle) LIKE $1 || '%' ${lagging ? `AND ${visibleOwner('c', '$3')}` : ''}
         ORDER BY c.models + c.templates DESC, lower(c.handle) LIMIT $2)`,
      lagging ? [escapeLike(q), limit, hidden] : [escapeLike(q), limit],
    );
    return rows;
  }
}
