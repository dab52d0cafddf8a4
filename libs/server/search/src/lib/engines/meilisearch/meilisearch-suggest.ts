import type { Suggestion } from '../search-queries';
import { hiddenFilter } from './meilisearch-filter';
import type { MeilisearchIndex } from './meilisearch-index';

/** Autocomplete for the Meilisearch engine: names by search, tags and creator handles by facet search. */
export class MeilisearchSuggest {
  constructor(private readonly index: MeilisearchIndex) {}

  async suggest(prefix: string, limit: number, hidden: readonly string[] = []): Promise<Suggestion[]> {
    const q = prefix.trim().toLowerCase();
    if (!q) return [];
    await this.index.ready();
    const index = this.index.client.index(this.index.live);
    // Facet search counts only the documents passing its filter: a tag or creator only hidden documents have is
    // not offered.
    const filter = hidden.length ? [hiddenFilter(hidden)] : undefined;
    const [models, tags, creators] = await Promise.all([
      index.search(q, {
        limit,
        attributesToRetrieve: ['id', 'kind', 'name'],
        attributesToSearchOn: ['name'],
        ...(filter && { filter }),
      }),
      index.searchForFacetValues({ facetName: 'tags', facetQuery: q, ...(filter && { filter }) }),
      index.searchForFacetValues({ facetName: 'creatorHandle', facetQuery: q, ...(filter && { filter }) }),
    ]);
    return [
      ...models.hits.map((h) => ({
        kind: h['kind'] === 'TEMPLATE' ? ('TEMPLATE' as const) : ('MODEL' as const),
        text: String(h['name']),
        ref: String(h['id']),
      })),
      ...tags.facetHits.slice(0, limit).map((h) => ({ kind: 'TAG' as const, text: h.value, ref: h.value })),
      ...creators.facetHits.slice(0, limit).map((h) => ({ kind: 'CREATOR' as const, text: h.value, ref: h.value })),
    ];
  }
}
